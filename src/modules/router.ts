import type { App } from 'vue';
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import HomeView from '../views/HomeView.vue';

// Hash history: deep links work from any static host and offline, with no server rewrite rules.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/firms/new', name: 'firm-new', component: () => import('../views/FirmFormView.vue') },
  { path: '/firms/:firmId', name: 'firm', component: () => import('../views/FirmView.vue'), props: true },
  { path: '/firms/:firmId/edit', name: 'firm-edit', component: () => import('../views/FirmFormView.vue'), props: true },
  { path: '/assessments/:assessmentId', name: 'assessment', component: () => import('../views/QuestionnaireView.vue'), props: true },
  { path: '/assessments/:assessmentId/i/:indicatorId', name: 'indicator', component: () => import('../views/QuestionnaireView.vue'), props: true },
  { path: '/assessments/:assessmentId/finish', name: 'finish', component: () => import('../views/FinishView.vue'), props: true },
  { path: '/assessments/:assessmentId/results', name: 'results', component: () => import('../views/ResultsView.vue'), props: true },
  { path: '/programme', name: 'programme', component: () => import('../views/ProgrammeView.vue') },
  { path: '/data', name: 'data', component: () => import('../views/DataView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', redirect: '/' },
];

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}

export function installRouter(app: App): void {
  app.use(createAppRouter());
}
