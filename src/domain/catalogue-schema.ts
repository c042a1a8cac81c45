// Schema of the indicator catalogue. Tests and the CLI validate src/content/ with it.
import { z } from 'zod';

const text = (min = 1) => z.string().trim().min(min);
export const LocalizedSchema = z.strictObject({ zh: text(), en: text() });
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

const ActionSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{3}-\d{2}-L[1-4]-\d+$/),
  effort: z.enum(['S', 'M', 'L']),
  text: LocalizedSchema,
});

const LevelDescriptorSchema = z.strictObject({
  level,
  descriptor: LocalizedSchema,
  actions: z.array(ActionSchema),
});

const IndicatorSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{3}-\d{2}$/),
    name: LocalizedSchema,
    explanation: LocalizedSchema,
    question: LocalizedSchema,
    guidance: LocalizedSchema.optional(),
    levels: z.array(LevelDescriptorSchema).length(5),
    evidence: z.array(LocalizedSchema).min(1),
    clauses: z.array(z.string().regex(/^(4|5|6|7|8|9|10)(\.\d+){1,3}$/)).min(1),
    weight: z.number().positive().finite(),
  })
  .superRefine((ind, ctx) => {
    ind.levels.forEach((l, i) => {
      if (l.level !== i + 1) ctx.addIssue({ code: 'custom', path: ['levels', i, 'level'], message: `expected level ${i + 1}` });
      if (l.level < 5 && l.actions.length === 0)
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'actions'], message: 'levels 1–4 need actions to reach the next level' });
      l.actions.forEach((a, j) => {
        if (!a.id.startsWith(`${ind.id}-L${l.level}-`))
          ctx.addIssue({ code: 'custom', path: ['levels', i, 'actions', j, 'id'], message: `must start with ${ind.id}-L${l.level}-` });
      });
    });
  });

export const ModuleSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{3}$/),
    order: z.number().int().min(1),
    name: LocalizedSchema,
    description: LocalizedSchema,
    indicators: z.array(IndicatorSchema).min(1),
  })
  .superRefine((m, ctx) => {
    m.indicators.forEach((ind, i) => {
      if (!ind.id.startsWith(`${m.id}-`))
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `must start with ${m.id}-` });
    });
  });

export const CatalogueSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+\.\d+$/),
    title: LocalizedSchema,
    source: LocalizedSchema,
    levels: z
      .array(z.strictObject({ level, name: LocalizedSchema, meaning: LocalizedSchema }))
      .length(5),
    rules: z.strictObject({
      minModuleResponseForStage: z.number().gt(0).max(1),
      minModuleShareAtStage: z.number().gt(0).max(1),
      maxModuleLevelsBelowStage: z.number().int().min(0).max(4),
    }),
    modules: z.array(ModuleSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.modules.forEach((m, i) => {
      if (m.order !== i + 1) ctx.addIssue({ code: 'custom', path: ['modules', i, 'order'], message: `expected ${i + 1}` });
      for (const id of [m.id, ...m.indicators.flatMap((ind) => [ind.id, ...ind.levels.flatMap((l) => l.actions.map((a) => a.id))])]) {
        if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['modules', i], message: `duplicate id ${id}` });
        ids.add(id);
      }
    });
    c.levels.forEach((l, i) => {
      if (l.level !== i + 1) ctx.addIssue({ code: 'custom', path: ['levels', i, 'level'], message: `expected level ${i + 1}` });
    });
  });
