import { createApp } from 'vue';
import App from './App.vue';
import { installPinia } from './modules/pinia';
import { installI18n } from './modules/i18n';
import { installRouter } from './modules/router';
import './styles/main.css';

const app = createApp(App);
installPinia(app);
installI18n(app);
installRouter(app);
app.mount('#app');
