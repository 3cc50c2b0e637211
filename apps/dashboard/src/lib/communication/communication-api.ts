import type {
  Comment,
  CommentItem,
  CommentThread,
  EditCommentBody,
  MarkNotificationsReadBody,
  NotificationsPage,
  NotificationsReadResult,
  PostCommentBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;
const threadPath = (productionId: string, item: CommentItem) =>
  `/api/productions/${enc(productionId)}/comments/${enc(item.kind)}/${enc(item.id)}`;
const commentPath = (productionId: string, commentId: string) =>
  `/api/productions/${enc(productionId)}/comments/${enc(commentId)}`;

export const getThread = (productionId: string, item: CommentItem) =>
  requestJson<CommentThread>('GET', threadPath(productionId, item));

export const postComment = (productionId: string, item: CommentItem, body: PostCommentBody) =>
  requestJson<Comment>('POST', threadPath(productionId, item), body);

export const editComment = (productionId: string, commentId: string, body: EditCommentBody) =>
  requestJson<Comment>('PATCH', commentPath(productionId, commentId), body);

export const deleteComment = (productionId: string, commentId: string) =>
  requestJson<Comment>('DELETE', commentPath(productionId, commentId));

export const getNotifications = (cursor?: string, limit = 20) =>
  requestJson<NotificationsPage>(
    'GET',
    `/api/me/notifications?limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`,
  );

export const markNotificationsRead = (body: MarkNotificationsReadBody) =>
  requestJson<NotificationsReadResult>('POST', '/api/me/notifications/read', body);
