import type { Me, SessionResponse, SignInBody } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

/** Signs in; the API answers with the person and sets the HttpOnly session cookie. */
export const signIn = (body: SignInBody) => requestJson<SessionResponse>('POST', '/api/auth/sign-in', body);
export const signOut = () => requestJson<undefined>('POST', '/api/auth/sign-out');
/** Who the session cookie belongs to (401 when there is none or it expired). */
export const fetchMe = () => requestJson<Me>('GET', '/api/auth/me');
