// The export flow both PDFs share: build the input, check its characters against the fonts, export at once or
// wait for the user's confirmation when some cannot print, and say when an export failed. The PDF code and
// fonts load only inside these steps (dynamic imports), never with the first screen.
import { ref } from 'vue';

export interface PdfExportSteps<Base, Input> {
  prepare(base: Base): Promise<Input>;
  /** Characters of the input no font covers. */
  check(input: Input): Promise<string[]>;
  render(input: Input): Promise<Blob>;
  /** Named in the console when an export fails. */
  name: string;
}

export function usePdfExport<Base, Input>(steps: PdfExportSteps<Base, Input>) {
  const busy = ref(false);
  /** Characters no font covers, awaiting the user's decision. */
  const missing = ref<string[]>([]);
  /** The last export failed (fonts could not be loaded, layout error): the view says so. */
  const failed = ref(false);
  let pending: Input | null = null;

  async function guarded(work: () => Promise<void>): Promise<void> {
    busy.value = true;
    failed.value = false;
    try {
      await work();
    } catch (error) {
      console.error(`${steps.name} export failed:`, error);
      failed.value = true;
    } finally {
      busy.value = false;
    }
  }

  /** Checks the characters first; exports at once when all are covered, else waits for confirm(). */
  async function start(base: Base, save: (blob: Blob) => void): Promise<void> {
    if (busy.value) return;
    await guarded(async () => {
      // The main fonts download while the report code loads.
      void import('../report/load-fonts').then((m) => m.preloadMainFonts());
      const input = await steps.prepare(base);
      const uncovered = await steps.check(input);
      if (uncovered.length > 0) {
        missing.value = uncovered;
        pending = input;
        return;
      }
      save(await steps.render(input));
    });
  }

  async function confirm(save: (blob: Blob) => void): Promise<void> {
    const input = pending;
    pending = null;
    missing.value = [];
    if (input === null || busy.value) return;
    await guarded(async () => save(await steps.render(input)));
  }

  function cancel(): void {
    pending = null;
    missing.value = [];
  }

  return { busy, missing, failed, start, confirm, cancel };
}
