import type { Me } from '@panggung/contracts';
import { ApiRequestError } from '../api/client.ts';
import { i18n } from '../i18n/locale.svelte.ts';
import { fetchMe, signIn, signOut } from './auth-api.ts';

export type SessionStatus = 'checking' | 'signed-in' | 'signed-out';
/** Why the sign-in page is showing, when there is something to say. */
export type SignInNotice = 'expired' | 'signed-out';

/**
 * Who is signed in. The session itself is the HttpOnly cookie the API set (scripts cannot read it); this
 * keeps the `me` the API returned, and restores it after a reload by asking `/api/auth/me`.
 */
export class Session {
  me = $state<Me | undefined>();
  status = $state<SessionStatus>('checking');
  notice = $state<SignInNotice | undefined>();

  async restore(): Promise<void> {
    try {
      this.#signedIn(await fetchMe());
    } catch {
      // 401, or the API is unreachable: the sign-in page says which when they try.
      this.me = undefined;
      this.status = 'signed-out';
    }
  }

  /** Signs in; throws ApiRequestError with the API's reason when refused. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await signIn({ email: email.trim(), password });
    this.notice = undefined;
    this.#signedIn(response.me);
  }

  async signOut(): Promise<void> {
    try {
      await signOut();
    } finally {
      this.me = undefined;
      this.status = 'signed-out';
      this.notice = 'signed-out';
    }
  }

  /** The API said the session is over (401 on a request, 4401 on the live stream). */
  expire(): void {
    if (this.status !== 'signed-in') return;
    this.me = undefined;
    this.status = 'signed-out';
    this.notice = 'expired';
  }

  /** Call with any failed request: ends the session if the API no longer knows it. */
  checkExpired(error: unknown): void {
    if (error instanceof ApiRequestError && error.status === 401) this.expire();
  }

  #signedIn(me: Me): void {
    this.me = me;
    this.status = 'signed-in';
    i18n.suggest(me.locale);
  }
}

export const session = new Session();
