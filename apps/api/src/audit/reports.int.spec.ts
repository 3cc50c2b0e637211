import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../seed/show.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

let api: TestApi;
const concert = DEMO.concertId;
const day = DEMO_SHOW.showDay;
const show = `/api/productions/${concert}/shows/${day}`;
const cue = DEMO_SHOW.cues;

beforeAll(async () => {
  api = await startTestApi('reports');
});
afterAll(async () => {
  await api.app.close();
});

const headers = async (email: string) => bearer(await api.signIn(email));
const post = async (url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await headers('dewi@gema.test'), payload });
const report = async (email: string, url = `${show}/report.csv`) =>
  api.app.inject({ method: 'GET', url, headers: await headers(email) });

describe('the planned-vs-actual report', () => {
  it('is not there before the show started', async () => {
    expect((await report('ayu@gema.test')).statusCode).toBe(404);
  });

  it('downloads as CSV in Bahasa Indonesia or English, a row per cue and a total', async () => {
    expect((await post(`${show}/start`, { idempotencyKey: 'report-start' })).statusCode).toBe(201);
    const go = (key: string, expectedCueId: string | null) =>
      post(`${show}/commands`, { type: 'go', idempotencyKey: key, expectedCueId });
    expect((await go('report-go-1', null)).statusCode).toBe(200);
    expect((await go('report-go-2', cue[0] ?? null)).statusCode).toBe(200);

    const en = await report('ayu@gema.test', `${show}/report.csv?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^text\/csv/);
    expect(en.headers['content-disposition']).toContain(`show-${day}`);
    expect(en.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(en.body, { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 4)).toEqual(['No.', 'Cue', 'Status', 'Planned start']);
    expect(rows).toHaveLength(1 + cue.length + 1);
    expect(rows.slice(1, 4).map((row) => row[2])).toEqual(['Done', 'Live', 'Not run']);
    expect(rows[1]?.[5]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(rows.at(-1)?.[1]).toBe('Total');

    const id = parse((await report('ayu@gema.test', `${show}/report.csv?lang=id`)).body, {
      bom: true,
    }) as string[][];
    expect(id[0]?.[3]).toBe('Mulai rencana');
    expect(id[1]?.[2]).toBe('Selesai');
  });

  it('refuses roles that do not audit (403), outsiders (404) and a bad language (400)', async () => {
    for (const email of ['dewi@gema.test', 'eko@gema.test', 'maya@sinarcahaya.test'])
      expect((await report(email)).statusCode).toBe(403);
    const launch = `/api/productions/${DEMO.launchId}/shows/${day}/report.csv`;
    expect((await report('eko@gema.test', launch)).statusCode).toBe(404);
    expect((await report('ayu@gema.test', `${show}/report.csv?lang=fr`)).statusCode).toBe(400);
  });

  it('gives the approval history of every contract as CSV: who, when, step and outcome', async () => {
    const url = `/api/productions/${concert}/reports/approvals.csv`;
    const en = await report('ayu@gema.test', `${url}?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^text\/csv/);
    expect(en.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(en.body, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Contract',
      'Vendor',
      'Round',
      'Step',
      'Outcome',
      'By',
      'When',
      'Reason / note',
    ]);
    // The demo's contracts are drafted (their approvals run in the worker, not started here).
    const drafted = rows.filter((row) => row[4] === 'drafted');
    expect(drafted.map((row) => row[1]).sort()).toEqual(['CV Cahaya Panggung', 'PT Suara Prima Audio']);
    for (const row of drafted) {
      expect(row[5]).toBe('Ayu Lestari');
      expect(row[6]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    const id = parse((await report('ayu@gema.test', `${url}?lang=id`)).body, { bom: true }) as string[][];
    expect(id[0]?.[0]).toBe('Kontrak');
    expect(id).toHaveLength(rows.length);
    for (const email of ['dewi@gema.test', 'maya@sinarcahaya.test', 'hendra@suaraprima.test'])
      expect((await report(email, url)).statusCode).toBe(403);
  });
});
