/**
 * A person using the API over real HTTP (keep-alive, as a browser would), with a bearer session. Every
 * call is timed from just before the request is sent to the parsed response.
 */
import { DEMO } from '../src/seed/demo-ids.ts';

export interface Timed<T> {
  readonly body: T;
  /** Sent at (performance.now()). */
  readonly sentAt: number;
  /** Response parsed at (performance.now()). */
  readonly ms: number;
}

export class Person {
  private constructor(
    readonly email: string,
    private readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async signIn(baseUrl: string, email: string): Promise<Person> {
    const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO.password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
    return new Person(email, baseUrl, ((await response.json()) as { token: string }).token);
  }

  /** GETs `path` and expects 200; anything else throws with the answer. */
  async get<T>(path: string): Promise<Timed<T>> {
    const sentAt = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const text = await response.text();
    const ms = performance.now() - sentAt;
    if (response.status !== 200) throw new Error(`${this.email} GET ${path}: ${response.status} ${text}`);
    return { body: JSON.parse(text) as T, sentAt, ms };
  }

  /** POSTs `body` and expects `status`; anything else throws with the answer. */
  async post<T>(path: string, body: object, status: number): Promise<Timed<T>> {
    const sentAt = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - sentAt;
    if (response.status !== status)
      throw new Error(`${this.email} POST ${path}: ${response.status} (expected ${status}) ${text}`);
    return { body: JSON.parse(text) as T, sentAt, ms };
  }
}
