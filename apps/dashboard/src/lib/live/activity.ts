import type { Department, LiveEvent, ProductionDetails, ProductionEvents, Role } from '@panggung/contracts';
import { formatDateRange, formatDateTime, type DateLocale } from '../format/dates.ts';
import type { Translate } from '../i18n/translate.ts';

export interface DescribeContext {
  readonly t: Translate;
  readonly locale: DateLocale;
  /** The production's time zone: times in sentences are the venue's. */
  readonly timeZone: string;
  /** People's names by person id (from the production's members), where known. */
  readonly names: ReadonlyMap<string, string>;
  /** The signed-in person, who is "you". */
  readonly me: string | undefined;
}

export interface ActivityLine {
  readonly id: string;
  /** One sentence per thing that changed, in the current language. */
  readonly sentences: readonly string[];
  /** Who did it, as a person reads it. */
  readonly actor: string;
  readonly recordedAt: string;
  readonly type: string;
}

/** `person:<id>` → the person's name, "you", or "someone"; other actors (workflows) are "the system". */
export function describeActor(actor: string, context: DescribeContext): string {
  const [kind, id] = actor.includes(':')
    ? [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)]
    : ['person', actor];
  if (kind !== 'person') return context.t('actor.system');
  if (id === context.me) return context.t('actor.you');
  return context.names.get(id) ?? context.t('actor.someone');
}

function roleLabel(role: Role, department: Department | undefined, t: Translate): string {
  const label = t(`role.${role}`);
  return department
    ? t('department.roleIn', { role: label, department: t(`department.${department}`) })
    : label;
}

function detailChanges(changes: Partial<ProductionDetails>, context: DescribeContext): string[] {
  const { t } = context;
  const timeZone = changes.timeZone ?? context.timeZone;
  const sentences: string[] = [];
  if (changes.name !== undefined) sentences.push(t('event.renamed', { name: changes.name }));
  if (changes.kind !== undefined) sentences.push(t('event.kindChanged', { kind: t(`kind.${changes.kind}`) }));
  if (changes.venue !== undefined)
    sentences.push(t('event.venueChanged', { venue: changes.venue.name, city: changes.venue.city }));
  if (changes.startsAt !== undefined && changes.endsAt !== undefined)
    sentences.push(
      t('event.scheduleChanged', {
        dates: formatDateRange(changes.startsAt, changes.endsAt, timeZone, context.locale),
      }),
    );
  else if (changes.startsAt !== undefined)
    sentences.push(
      t('event.startChanged', { time: formatDateTime(changes.startsAt, timeZone, context.locale) }),
    );
  else if (changes.endsAt !== undefined)
    sentences.push(t('event.endChanged', { time: formatDateTime(changes.endsAt, timeZone, context.locale) }));
  if (changes.clientName !== undefined)
    sentences.push(t('event.clientChanged', { client: changes.clientName }));
  return sentences.length > 0 ? sentences : [t('event.detailsChanged')];
}

/** An event of the live stream as sentences a production manager reads, in the current language. */
export function describeEvent(event: LiveEvent, context: DescribeContext): ActivityLine {
  const { t } = context;
  const person = (id: string) =>
    context.names.get(id) ?? (id === context.me ? t('actor.you') : t('event.aMember'));
  let sentences: string[];
  try {
    sentences = sentencesOf(event, context, person);
  } catch {
    // A payload that is not what its type promises still shows up, as a plain line.
    sentences = [t('event.unknown', { type: event.type })];
  }
  return {
    id: event.id,
    sentences,
    actor: describeActor(event.actor, context),
    recordedAt: event.recordedAt,
    type: event.type,
  };
}

function sentencesOf(event: LiveEvent, context: DescribeContext, person: (id: string) => string): string[] {
  const { t } = context;
  let sentences: string[];
  switch (event.type) {
    case 'ProductionCreated': {
      const data = event.data as ProductionEvents.ProductionCreated;
      sentences = [t('event.created', { name: data.details.name })];
      break;
    }
    case 'ProductionDetailsUpdated':
      sentences = detailChanges((event.data as ProductionEvents.ProductionDetailsUpdated).changes, context);
      break;
    case 'MemberAdded': {
      const data = event.data as ProductionEvents.MemberAdded;
      sentences = [
        t('event.memberAdded', {
          person: person(data.personId),
          role: roleLabel(data.role, data.department, t),
        }),
      ];
      break;
    }
    case 'MemberRemoved': {
      const data = event.data as ProductionEvents.MemberRemoved;
      sentences = [t('event.memberRemoved', { person: person(data.personId), role: t(`role.${data.role}`) })];
      break;
    }
    case 'ProductionPhaseChanged': {
      const data = event.data as ProductionEvents.ProductionPhaseChanged;
      sentences = [t('event.phaseChanged', { from: t(`status.${data.from}`), to: t(`status.${data.to}`) })];
      break;
    }
    default:
      sentences = [t('event.unknown', { type: event.type })];
  }
  return sentences;
}
