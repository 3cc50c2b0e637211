import type { ShowHistory } from '@panggung/contracts';
import { LiveResource } from '../live/live-resource.svelte.ts';
import { getShowHistory } from './show-api.ts';
import { showModel, type ShowModel } from './show-model.ts';
import {
  pauseReplay,
  playReplay,
  replayClock,
  replayFeed,
  replayFinished,
  replayPosition,
  replayShowView,
  replayTimeline,
  seekReplay,
  setReplaySpeed,
  type ReplayClock,
  type ReplaySpeed,
  type TimedEvent,
} from './replay.ts';

/** The replay's clock ticks as often as the live screens' do. */
const TICK_MS = 250;

/**
 * A show day played back: its recorded events (`GET …/history`) fed, as the replay clock moves, into the
 * same `showModel` the live screens render. Nothing here sends a command.
 */
export class ShowReplay {
  readonly resource: LiveResource<ShowHistory>;
  wallMs = $state(Date.now());
  clock = $state<ReplayClock | undefined>();
  readonly timeline = $derived.by(() =>
    this.resource.value ? replayTimeline(this.resource.value.events) : undefined,
  );
  readonly positionMs: number | undefined = $derived.by(() =>
    this.clock ? replayPosition(this.clock, this.wallMs) : undefined,
  );
  readonly model: ShowModel | undefined = $derived.by(() => {
    const events = this.timeline?.events;
    if (!events || this.positionMs === undefined) return undefined;
    const view = replayShowView(events, this.positionMs, {
      productionId: this.productionId,
      showDay: this.day,
      departments: [],
    });
    return view ? showModel(view, this.positionMs) : undefined;
  });
  readonly feed: TimedEvent[] = $derived.by(() =>
    this.timeline && this.positionMs !== undefined ? replayFeed(this.timeline.events, this.positionMs) : [],
  );

  constructor(
    readonly productionId: string,
    readonly day: string,
    onError: (error: unknown) => void,
  ) {
    this.resource = new LiveResource(() => getShowHistory(productionId, day), onError);
  }

  /** Loads the history and ticks; returns the cleanup. */
  start(): () => void {
    void this.resource.load().then(() => {
      const range = this.timeline?.range;
      if (range) this.clock = replayClock(range, Date.now());
    });
    const timer = setInterval(() => this.tick(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }

  tick(nowMs: number): void {
    this.wallMs = nowMs;
    if (this.clock?.playing && replayFinished(this.clock, nowMs)) this.clock = pauseReplay(this.clock, nowMs);
  }

  #change(change: (clock: ReplayClock, nowMs: number) => ReplayClock): void {
    if (!this.clock) return;
    const now = Date.now();
    this.clock = change(this.clock, now);
    this.wallMs = now;
  }

  play = () => this.#change(playReplay);
  pause = () => this.#change(pauseReplay);
  setSpeed = (speed: ReplaySpeed) => this.#change((clock, now) => setReplaySpeed(clock, speed, now));
  seek = (positionMs: number) => this.#change((clock, now) => seekReplay(clock, positionMs, now));
}
