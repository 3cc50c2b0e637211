import type { Dependency, ProductionKind, Task, TaskKind } from '@panggung/contracts';
import { criticalPath } from './critical-path.ts';

const MINUTE = 60_000;

const HOUR = 60;
const DAY = 24 * HOUR;

export interface TemplateTask {
  /** Stable within the template; replaced by a real id when the template is used. */
  readonly key: string;
  readonly title: string;
  readonly kind: TaskKind;
  readonly durationMinutes: number;
  /** Keys of the tasks that must finish before this one starts. */
  readonly after: readonly string[];
}

export interface TimelineTemplate {
  readonly kind: Extract<ProductionKind, 'concert' | 'corporate_show' | 'festival'>;
  readonly name: string;
  readonly tasks: readonly TemplateTask[];
}

const task = (key: string, title: string, durationMinutes: number, after: string[] = []): TemplateTask => ({
  key,
  title,
  kind: 'task',
  durationMinutes,
  after,
});
const milestone = (key: string, title: string, after: string[] = []): TemplateTask => ({
  key,
  title,
  kind: 'milestone',
  durationMinutes: 0,
  after,
});

/** Typical preparation of a production by kind, as a starting point a manager then edits. */
export const TIMELINE_TEMPLATES: Readonly<Record<TimelineTemplate['kind'], TimelineTemplate>> = {
  concert: {
    kind: 'concert',
    name: 'Konser',
    tasks: [
      task('venue', 'Kontrak venue ditandatangani', 7 * DAY),
      task('rider', 'Finalisasi rider teknis artis', 5 * DAY),
      task('izin', 'Pengurusan izin keramaian', 14 * DAY, ['venue']),
      milestone('tiket', 'Penjualan tiket dibuka', ['venue']),
      task('vendor', 'Kontrak vendor sound & lighting', 7 * DAY, ['venue', 'rider']),
      task('panggung', 'Desain panggung & layout venue', 7 * DAY, ['venue', 'rider']),
      task('kru', 'Penyusunan jadwal kru', 3 * DAY, ['vendor']),
      task('loading', 'Loading in & setting panggung', DAY, ['panggung', 'vendor', 'izin']),
      task('gladi', 'Gladi bersih', 6 * HOUR, ['loading', 'kru']),
      milestone('hari-h', 'Hari H konser', ['gladi', 'tiket']),
    ],
  },
  corporate_show: {
    kind: 'corporate_show',
    name: 'Acara korporat',
    tasks: [
      task('brief', 'Brief klien & konsep acara', 3 * DAY),
      task('venue', 'Konfirmasi ballroom hotel', 5 * DAY, ['brief']),
      task('rundown', 'Penyusunan rundown', 4 * DAY, ['brief']),
      task('mc', 'Konfirmasi MC & pengisi acara', 5 * DAY, ['rundown']),
      task('multimedia', 'Produksi materi multimedia', 10 * DAY, ['rundown']),
      task('vendor', 'Kontrak vendor AV', 5 * DAY, ['venue']),
      milestone('persetujuan', 'Rundown final disetujui klien', ['mc', 'multimedia']),
      task('loading', 'Loading in & setting AV', 8 * HOUR, ['vendor', 'persetujuan']),
      task('gladi', 'Gladi resik', 4 * HOUR, ['loading']),
      milestone('hari-h', 'Hari H acara', ['gladi']),
    ],
  },
  festival: {
    kind: 'festival',
    name: 'Festival',
    tasks: [
      task('lokasi', 'Kontrak lokasi festival', 14 * DAY),
      task('lineup', 'Finalisasi line-up artis', 21 * DAY),
      task('izin', 'Izin keramaian & izin lingkungan', 21 * DAY, ['lokasi']),
      task('tenant', 'Kurasi tenant F&B', 14 * DAY, ['lokasi']),
      task('siteplan', 'Site plan & desain panggung', 10 * DAY, ['lokasi', 'lineup']),
      task('vendor', 'Kontrak vendor produksi (panggung, sound, lighting, genset)', 10 * DAY, ['siteplan']),
      task('keamanan', 'Rencana keamanan & medis', 7 * DAY, ['siteplan', 'izin']),
      milestone('tiket', 'Peluncuran tiket', ['lineup', 'izin']),
      task('build', 'Pembangunan site (build-up)', 3 * DAY, ['vendor', 'tenant', 'keamanan']),
      task('gladi', 'Soundcheck & gladi', 8 * HOUR, ['build']),
      milestone('hari-h', 'Festival dibuka', ['gladi', 'tiket']),
    ],
  },
};

/**
 * The template's tasks and dependencies with real ids (`idFor(key)`, given by the caller: the domain
 * makes no ids), ready to be added as AddTask and AddDependency commands.
 */
export function instantiateTemplate(
  template: TimelineTemplate,
  idFor: (key: string) => string,
): { tasks: Task[]; dependencies: Dependency[] } {
  const ids = new Map(template.tasks.map((t) => [t.key, idFor(t.key)]));
  const tasks = template.tasks.map((t): Task => ({
    taskId: ids.get(t.key)!,
    title: t.title,
    kind: t.kind,
    durationMinutes: t.durationMinutes,
  }));
  const dependencies = template.tasks.flatMap((t) =>
    t.after.map((key): Dependency => ({ predecessorId: ids.get(key) ?? key, successorId: ids.get(t.key)! })),
  );
  return { tasks, dependencies };
}

/**
 * The template's tasks with due dates counted back from the show: each is due at its latest finish when
 * the last milestone falls on `showStartsAt`, so anything later would push the show.
 *
 * @example
 * anchorTemplate(TIMELINE_TEMPLATES.concert, idFor, '2027-03-20T19:00:00+07:00').tasks.at(-1)?.dueAt;
 * // '2027-03-20T12:00:00.000Z' (Hari H)
 */
export function anchorTemplate(
  template: TimelineTemplate,
  idFor: (key: string) => string,
  showStartsAt: string,
): { tasks: Task[]; dependencies: Dependency[] } {
  const { tasks, dependencies } = instantiateTemplate(template, idFor);
  const showMs = Date.parse(showStartsAt);
  const { duration, schedule } = criticalPath(tasks, dependencies, showStartsAt);
  return {
    tasks: tasks.map((task, i) => ({
      ...task,
      dueAt: new Date(showMs - (duration - schedule[i]!.latestFinish) * MINUTE).toISOString(),
    })),
    dependencies,
  };
}
