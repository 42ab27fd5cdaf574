// `npm run bench:discussion`: the discussion on 200 boards, 20,000 threads and
// 500,000 posts in the embedded database (PGlite), through the real app's HTTP
// handler, read by a kabupaten's admin: listing a board page, reading a thread
// page, searching (and the board list). Prints p50/p95/p99; results go in the README.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { boards, memberships, posts, tenants, threadReads, threads, users } from '../db/schema';
import { seedReferenceData } from '../db/seed/reference';
import { createApp } from '../src/app';
import { renderMarkdown } from '../src/discussion/markdown';
import { createSession } from '../src/identity/sessions';
import { newId } from '../src/platform/ids';
import { createLogger } from '../src/platform/logger';
import { phase, progress } from './progress';

const BOARDS = Number(process.argv[2] ?? 200);
const THREADS = Number(process.argv[3] ?? 20_000);
const POSTS = Number(process.argv[4] ?? 500_000);
const REQUESTS = Number(process.argv[5] ?? 300);

let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const TOPICS = [
  'jalur evakuasi tsunami',
  'harga beras dan cabai menjelang hari raya',
  'pengelolaan sampah regional di tempat pemrosesan akhir',
  'air baku lintas kabupaten',
  'promosi wisata bahari bersama',
  'penurunan stunting dan gizi balita',
  'pos lintas batas negara',
  'pelatihan relawan desa tangguh bencana',
  'tarif angkutan antarkabupaten',
  'rujukan rumah sakit daerah',
  'sertifikasi pemandu wisata',
  'cadangan pangan pemerintah daerah',
];
const SENTENCES = [
  'Kami mengusulkan rapat koordinasi minggu depan dengan perangkat daerah terkait.',
  'Data dari dinas sudah kami kirim, mohon ditanggapi paling lambat Jumat.',
  'Anggaran untuk kegiatan ini belum tercantum dalam APBD tahun berjalan.',
  'Mohon dipertimbangkan pembagian peran dalam rancangan perjanjian kerja sama.',
  'Kami sepakat dengan usulan tersebut dan siap menandatangani kesepakatan bersama.',
  'Perlu kajian bersama dengan perguruan tinggi sebelum diputuskan.',
  'Lokasi kegiatan berada di perbatasan kedua kabupaten.',
  'Hasil evaluasi triwulan menunjukkan kemajuan yang baik.',
];
const SEARCHES = [
  'evakuasi',
  'beras',
  'sampah',
  'wisata',
  'stunting',
  'anggaran',
  'perbatasan',
  'rujukan',
];

async function main() {
  const t0 = performance.now();
  // DISCUSSION_BENCH_DIR keeps the built data set on disk, so a second run measures without rebuilding
  const dir = process.env.DISCUSSION_BENCH_DIR;
  const reuse = !!dir && existsSync(join(dir, 'sinergi-built'));
  const handle = await openPglite(dir);
  if (!reuse) {
    await migrate(handle);
    await seedReferenceData(handle.db);
  }
  const db = handle.db;
  const now = new Date();
  const regionTenants = await db
    .select({ id: tenants.id, code: tenants.regionCode })
    .from(tenants)
    .where(sql`${tenants.type} = 'region'`);
  // the reader: Kabupaten Sigi's admin (Sulawesi Tengah)
  const reader = regionTenants.find((t) => t.code === '72.10')!;
  const built = reuse ? await reload(db) : await build(db, reader, regionTenants, now);
  const { app, headers, threadRows, allBoards } = built;
  if (dir && !reuse) writeFileSync(join(dir, 'sinergi-built'), 'ok');
  const setupMs = performance.now() - t0;

  // what the reader can see
  const visible = (
    (await (
      await app.request(`/v1/tenants/${reader.id}/boards?limit=1000`, { headers })
    ).json()) as {
      data: { id: string }[];
    }
  ).data.map((b) => b.id);
  const visibleSet = new Set(visible);
  const visibleThreads = threadRows.filter((t) => visibleSet.has(t.boardId)).map((t) => t.id);

  const shapes: Record<string, () => string> = {
    'list a board page (20 threads, unread counts)': () =>
      `/v1/tenants/${reader.id}/boards/${pick(visible)}/threads?limit=20`,
    'read a thread page (20 posts)': () =>
      `/v1/tenants/${reader.id}/threads/${pick(visibleThreads)}?limit=20`,
    'search what the reader may read': () =>
      `/v1/tenants/${reader.id}/discussion-search?q=${pick(SEARCHES)}&limit=20`,
    'search the public boards (anonymous)': () =>
      `/v1/discussion-search?q=${pick(SEARCHES)}&limit=20`,
    'list the reader’s boards (unread per board)': () => `/v1/tenants/${reader.id}/boards?limit=50`,
  };
  const pct = (xs: number[], p: number) =>
    xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  console.log(
    `discussion benchmark: ${allBoards.length} boards (${visible.length} visible to the reader), ${THREADS.toLocaleString('en')} threads, ${POSTS.toLocaleString('en')} posts; setup ${(setupMs / 1000).toFixed(0)} s; ${REQUESTS} requests per shape; embedded PGlite, in-process HTTP`,
  );
  console.log('| request | p50 ms | p95 ms | p99 ms | mean total |');
  console.log('|---|---|---|---|---|');
  for (const [name, url] of Object.entries(shapes)) {
    for (let i = 0; i < 20; i++) await app.request(url(), { headers });
    const times: number[] = [];
    let totals = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const u = url();
      const start = performance.now();
      const res = await app.request(u, { headers: u.startsWith('/v1/tenants') ? headers : {} });
      const body = (await res.json()) as { total?: number };
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      totals += body.total ?? 0;
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${Math.round(totals / REQUESTS)} |`,
    );
  }
  await handle.close?.();
}

async function build(
  db: Db,
  reader: { id: string },
  regionTenants: { id: string; code: string | null }[],
  now: Date,
) {
  phase('authors: 300 users across the regions');
  const authors = Array.from({ length: 300 }, (_, i) => ({
    id: newId('user'),
    email: `penulis${i}@contoh.go.id`,
    name: `Penulis ${i}`,
    passwordHash: 'x',
    emailVerifiedAt: now,
    tenantId: i === 0 ? reader.id : pick(regionTenants).id,
  }));
  await db.insert(users).values(authors.map(({ tenantId: _, ...u }) => u));
  await db.insert(memberships).values({
    id: newId('membership'),
    tenantId: reader.id,
    userId: authors[0]!.id,
    role: 'admin',
  });
  await db.update(tenants).set({ status: 'active' }).where(eq(tenants.id, reader.id));

  phase(`${BOARDS} boards: issue and province boards, the rest private conversations`);
  // the standing boards come from the app (9 issues, 38 provinces); the rest are conversations of two regions
  const app = makeApp(db);
  const session = await createSession(db, { userId: authors[0]!.id, now });
  const headers = { authorization: `Bearer ${session.token}` };
  await app.request(`/v1/tenants/${reader.id}/boards`, { headers });
  const standing = await db.select({ id: boards.id }).from(boards);
  const privateCount = Math.max(0, BOARDS - standing.length);
  const privateBoards = Array.from({ length: privateCount }, (_, i) => ({
    id: newId('board'),
    kind: 'agreement' as const,
    subjectId: newId('agreement'),
    titleId: `Percakapan kerja sama ${i}`,
    titleEn: `Agreement conversation ${i}`,
    // one in ten includes the reader
    memberTenantIds: [i % 10 === 0 ? reader.id : pick(regionTenants).id, pick(regionTenants).id],
    lastActivityAt: now,
    createdAt: now,
  }));
  if (privateBoards.length) await db.insert(boards).values(privateBoards);
  const allBoards = [...standing.map((b) => b.id), ...privateBoards.map((b) => b.id)];

  phase(`${THREADS.toLocaleString('en')} threads`);
  const threadRows = Array.from({ length: THREADS }, (_, i) => {
    const author = pick(authors);
    return {
      id: newId('thread'),
      boardId: allBoards[i % allBoards.length]!,
      title: `${pick(TOPICS)} (${i})`,
      authorUserId: author.id,
      authorTenantId: author.tenantId,
      pinned: i % 97 === 0,
      postCount: 0,
      lastPostAt: now,
      createdAt: now,
    };
  });
  for (let i = 0; i < threadRows.length; i += 2000)
    await db.insert(threads).values(threadRows.slice(i, i + 2000));

  phase(`${POSTS.toLocaleString('en')} posts (Markdown rendered and sanitised as the app does)`);
  const started = performance.now();
  const spanMs = 365 * 86400_000;
  const rendered = SENTENCES.map((s) => renderMarkdown(s));
  for (let i = 0; i < POSTS; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, POSTS - i) }, (_, j) => {
      const n = i + j;
      const t = threadRows[n % threadRows.length]!;
      const author = pick(authors);
      const s = Math.floor(rand() * SENTENCES.length);
      const body = `${pick(TOPICS)}: ${SENTENCES[s]}`;
      return {
        id: newId('post'),
        threadId: t.id,
        boardId: t.boardId,
        authorUserId: author.id,
        authorTenantId: author.tenantId,
        body,
        bodyHtml: rendered[s]!,
        createdAt: new Date(now.getTime() - spanMs + Math.floor((n / POSTS) * spanMs)),
      };
    });
    await db.insert(posts).values(batch);
    if ((i / 5000) % 10 === 9) progress('posts', i + batch.length, POSTS, started);
  }
  phase('counters, read markers, statistics');
  await db.execute(sql`update threads t set post_count = c.n, last_post_at = c.last
    from (select thread_id, count(*)::int n, max(created_at) last from posts group by thread_id) c where c.thread_id = t.id`);
  await db.execute(sql`update boards b set thread_count = c.n, last_activity_at = c.last
    from (select board_id, count(*)::int n, max(last_post_at) last from threads group by board_id) c where c.board_id = b.id`);
  // the reader has read half of its threads up to a month ago
  await db.execute(sql`insert into ${threadReads} (user_id, thread_id, last_read_at)
    select ${authors[0]!.id}, id, now() - interval '30 days' from threads where random() < 0.5`);
  await db.execute(sql`analyze`);
  return {
    app,
    headers,
    threadRows: threadRows.map((t) => ({ id: t.id, boardId: t.boardId })),
    allBoards,
  };
}

function makeApp(db: Db) {
  return createApp({
    config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' },
    logger: createLogger('silent'),
    openDb: () => ({ db }),
  });
}

/** A data set built by an earlier run: the reader's session is made anew. */
async function reload(db: Db) {
  const app = makeApp(db);
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'penulis0@contoh.go.id'));
  const session = await createSession(db, { userId: admin!.id, now: new Date() });
  const threadRows = await db.select({ id: threads.id, boardId: threads.boardId }).from(threads);
  const allBoards = (await db.select({ id: boards.id }).from(boards)).map((b) => b.id);
  return { app, headers: { authorization: `Bearer ${session.token}` }, threadRows, allBoards };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
