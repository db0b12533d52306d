/**
 * One declaration per setting (TF Playground's `State.PROPS`, typed). A lab lists its
 * settings once — where the value lives in the config, its name in a link, its type and
 * range or options, its default, whether it applies to the running model or needs a new
 * one, the instructor's hide group, its label — and everything else is generated from that
 * list: the default config, sanitising (in the page and again at the worker boundary), URL
 * parsing and serialising, `needsRebuild`, the live-change type, the hide groups and the
 * controls (src/controls/SettingFields.tsx).
 */

interface SettingBase<C> {
  /** where the value lives in the lab's config: `temperature`, or `augment.crop` */
  readonly path: string;
  /** its name in a shared link */
  readonly url: string;
  /** 'live': the running model takes it from the next step; 'rebuild': a new model */
  readonly apply: 'live' | 'rebuild';
  /** the instructor's hide group that hides its control; none: always shown */
  readonly group?: string;
  /** i18n key of its label; `${label}.help`, where the catalogue has it, is its help */
  readonly label: string;
  /** its control's `data-testid` */
  readonly testId?: string;
  /** no control: set by links and lesson presets only */
  readonly hiddenControl?: boolean;
  /** the control is shown only when this holds (a method's own setting, say) */
  readonly shownWhen?: (config: C) => boolean;
  /** a heading (i18n key) the control list shows before this control */
  readonly section?: string;
}

/** How a slider shows its value. */
export type NumberFormat = 'fixed1' | 'fixed2' | 'fixed3' | 'precision2' | 'exponent' | 'percent';

export interface NumberSetting<C> extends SettingBase<C> {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** slider: 'log' moves linearly in log(value) */
  readonly scale?: 'linear' | 'log';
  readonly step?: number;
  /** a log slider's arrow key multiplies or divides by this */
  readonly keyFactor?: number;
  readonly format?: NumberFormat;
  /** 'input': a number field (a seed) rather than a slider */
  readonly widget?: 'slider' | 'input';
  /** the slider's range where it depends on other settings (σ min ≤ σ max) */
  readonly bounds?: (config: C) => { min: number; max: number };
}

export interface ChoiceSetting<C> extends SettingBase<C> {
  readonly kind: 'choice';
  readonly default: string | number;
  readonly options: readonly (string | number)[];
  /** option labels: the i18n key `${optionLabels}.${value}`; none: `prefix + value` */
  readonly optionLabels?: string;
  readonly optionPrefix?: string;
  /** the options a control offers for this config (all of `options` when absent) */
  readonly optionsWhen?: (config: C) => readonly (string | number)[];
  /** the label key prefix for this config (`optionLabels` when absent) */
  readonly optionLabelsWhen?: (config: C) => string;
}

export interface FlagSetting<C> extends SettingBase<C> {
  readonly kind: 'flag';
  readonly default: boolean;
}

export type Setting<C> = NumberSetting<C> | ChoiceSetting<C> | FlagSetting<C>;

export interface LabSchema<C> {
  readonly settings: readonly Setting<C>[];
  /** what no setting covers (the architecture): taken as it is */
  readonly fixed: Partial<C>;
  /** relations between settings, applied after each is read (σ min ≤ σ max) */
  readonly normalise?: (config: C) => C;
}

/** The top-level config key of a path: `augment.crop` → `augment`. */
type TopKey<P extends string> = P extends `${infer K}.${string}` ? K : P;
/** The config keys a live change may carry, from the schema's own literal types. */
export type LiveKeys<S extends readonly { path: string; apply: string }[]> = TopKey<
  Extract<S[number], { apply: 'live' }>['path']
>;

type Bag = Record<string, unknown>;

export function readPath(config: unknown, path: string): unknown {
  let value: unknown = config;
  for (const part of path.split('.')) value = (value as Bag | undefined)?.[part];
  return value;
}

export function writePath<C>(config: C, path: string, value: unknown): C {
  const [head, ...rest] = path.split('.');
  const bag = config as Bag;
  return {
    ...bag,
    [head!]: rest.length ? writePath(bag[head!] ?? {}, rest.join('.'), value) : value,
  } as C;
}

/** The outcome of reading one raw value: used as is, moved into range, or unusable. */
export type Reading =
  | { status: 'ok'; value: number | string | boolean }
  | { status: 'clamped'; value: number }
  | { status: 'invalid' };

/**
 * One raw value (from a link, a message, a file) against its declaration. Numbers may come
 * as numeric text, flags as 1/0/true/false, choices as their text.
 */
export function readSetting<C>(setting: Setting<C>, raw: unknown): Reading {
  if (setting.kind === 'flag') {
    if (typeof raw === 'boolean') return { status: 'ok', value: raw };
    if (raw === '1' || raw === 'true') return { status: 'ok', value: true };
    if (raw === '0' || raw === 'false') return { status: 'ok', value: false };
    return { status: 'invalid' };
  }
  if (setting.kind === 'choice') {
    const match = setting.options.find((option) => String(option) === String(raw));
    return match === undefined || (typeof raw !== 'string' && typeof raw !== 'number')
      ? { status: 'invalid' }
      : { status: 'ok', value: match };
  }
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && raw.trim() !== ''
        ? Number(raw)
        : NaN;
  if (!Number.isFinite(value)) return { status: 'invalid' };
  const rounded = setting.integer ? Math.round(value) : value;
  const used = Math.min(setting.max, Math.max(setting.min, rounded));
  return used === value ? { status: 'ok', value } : { status: 'clamped', value: used };
}

export function defaultsOf<C>(schema: LabSchema<C>): C {
  let config = { ...schema.fixed } as C;
  for (const setting of schema.settings) config = writePath(config, setting.path, setting.default);
  return config;
}

/**
 * Every setting read against its declaration, the unusable ones replaced by `fallback`'s
 * (the defaults unless given); what no setting covers comes from the schema. A hostile or
 * stale link, a slider bug or a message from anywhere goes through here, in the page and
 * again in the worker.
 */
export function sanitizeWith<C>(schema: LabSchema<C>, input: unknown, fallback?: C): C {
  const base = fallback ?? defaultsOf(schema);
  let config = { ...base, ...schema.fixed } as C;
  for (const setting of schema.settings) {
    const reading = readSetting(setting, readPath(input, setting.path));
    config = writePath(
      config,
      setting.path,
      reading.status === 'invalid' ? readPath(base, setting.path) : reading.value,
    );
  }
  return schema.normalise ? schema.normalise(config) : config;
}

/** A new model is needed when any setting declared 'rebuild' differs. */
export function needsRebuildWith<C>(schema: LabSchema<C>, before: C, after: C): boolean {
  return schema.settings.some(
    (s) => s.apply === 'rebuild' && readPath(before, s.path) !== readPath(after, s.path),
  );
}

/** The live part of a config: what an 'update' message carries to the running model. */
export function liveChangeOf<C>(schema: LabSchema<C>, config: C): Partial<C> {
  const keys = new Set(
    schema.settings.filter((s) => s.apply === 'live').map((s) => s.path.split('.')[0]!),
  );
  const change: Bag = {};
  for (const key of keys) change[key] = (config as Bag)[key];
  return change as Partial<C>;
}

/**
 * A live change as the worker applies it: merged into the current config, sanitised, and
 * only the live settings kept (a change can never rebuild the model behind the page's back).
 */
export function applyLiveChange<C>(schema: LabSchema<C>, current: C, change: unknown): Partial<C> {
  return liveChangeOf(schema, sanitizeWith(schema, mergeChange(current, change), current));
}

/**
 * A config with a change laid over it: a group of settings (`augment`) merges key by key,
 * so a change may carry only the part of it that moved.
 */
export function mergeChange<C>(current: C, change: unknown): C {
  const merged = { ...current } as Bag;
  for (const [key, value] of Object.entries((change ?? {}) as Bag))
    merged[key] =
      value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(merged[key] as Bag), ...(value as Bag) }
        : value;
  return merged as C;
}

/** The hide groups a schema's settings use, in their order. */
export function groupsOf<C>(schema: LabSchema<C>): string[] {
  return [...new Set(schema.settings.flatMap((s) => (s.group ? [s.group] : [])))];
}

export function findSetting<C>(schema: LabSchema<C>, path: string): Setting<C> {
  const setting = schema.settings.find((s) => s.path === path);
  if (!setting) throw new Error(`no setting at ${path}`);
  return setting;
}

/** Range of a numeric setting (for a control that is not generated). */
export function numberSetting<C>(schema: LabSchema<C>, path: string): NumberSetting<C> {
  const setting = findSetting(schema, path);
  if (setting.kind !== 'number') throw new Error(`${path} is not a number`);
  return setting;
}

export function choiceOptions<C>(schema: LabSchema<C>, path: string): readonly (string | number)[] {
  const setting = findSetting(schema, path);
  if (setting.kind !== 'choice') throw new Error(`${path} is not a choice`);
  return setting.options;
}

/** The run's seed, the same declaration in every lab: one seed, one run. */
export const seedSetting = {
  path: 'seed',
  kind: 'number',
  min: 0,
  max: 2 ** 31 - 1,
  integer: true,
  widget: 'input',
  default: 1,
  apply: 'rebuild',
  group: 'seed',
  label: 'controls.seed',
} as const;
