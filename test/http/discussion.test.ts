import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  del,
  lastEmailTo,
  patch,
  post,
  put,
  regionTenantId,
  twoRegions,
} from '../support/actors';
import { publishedProvinceSession } from '../support/forums';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';
import { publishPotential } from '../support/potentials';

/**
 * The discussion: Kota Palu and Kabupaten Sigi (Sulawesi Tengah)
 * talk on the national board on disasters, on their province's board and in
 * the private conversation of an accepted interest; Kota Denpasar (Bali) is
 * the outsider.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
let denpasar: string;
let denpasarAdmin: Awaited<ReturnType<typeof addMember>>;
let sulteng: string;
let sultengAdmin: Awaited<ReturnType<typeof addMember>>;

type Board = {
  id: string;
  kind: string;
  subjectId: string;
  title: string;
  unreadThreads: number | null;
};
type Post = {
  id: string;
  status: string;
  body: string | null;
  html: string | null;
  hiddenReason: string | null;
  quote: { postId: string; excerpt: string | null } | null;
  mentions: { tenantIds: string[] };
};
type ThreadPage = {
  thread: { id: string; title: string; locked: boolean; postCount: number };
  canPost: boolean;
  moderator: boolean;
  data: Post[];
};

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
  denpasar = await regionTenantId(h, '51.71');
  denpasarAdmin = await addMember(h, fx.platform.token, denpasar, 'admin');
  sulteng = await regionTenantId(h, '72');
  sultengAdmin = await addMember(h, fx.platform.token, sulteng, 'admin');
}, 60_000);
afterAll(() => h?.close());

const boards = async (tenant: string, token: string, kind?: string) =>
  (
    await h.json<{ data: Board[] }>(
      `/v1/tenants/${tenant}/boards?limit=100${kind ? `&kind=${kind}` : ''}`,
      { headers: bearer(token) },
    )
  ).body.data;
const thread = (tenant: string, token: string, id: string) =>
  h.json<ThreadPage>(`/v1/tenants/${tenant}/threads/${id}`, { headers: bearer(token) });
const search = (tenant: string, token: string, q: string) =>
  h.json<{ data: { postId: string }[]; total: number }>(
    `/v1/tenants/${tenant}/discussion-search?q=${encodeURIComponent(q)}`,
    { headers: bearer(token) },
  );

describe('discussion', () => {
  let disasterBoard: Board;
  let threadId: string;
  let firstPost: string;

  it('holds a thread on penanggulangan bencana, a reply quoting it, and a mention that notifies the region’s admins', async () => {
    disasterBoard = (await boards(fx.a, fx.adminA.token, 'issue')).find(
      (b) => b.subjectId === 'penanggulangan_bencana',
    )!;
    expect(disasterBoard.title).toBe('Penanggulangan bencana');
    const created = await post(
      h,
      `/v1/tenants/${fx.a}/boards/${disasterBoard.id}/threads`,
      {
        title: 'Jalur evakuasi tsunami di Teluk Palu',
        body: 'Kami mengusulkan latihan evakuasi bersama. Lihat [peta](https://bnpb.go.id/peta).',
        issues: ['penanggulangan_bencana'],
      },
      fx.adminA.token,
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const page = (await created.json()) as ThreadPage;
    threadId = page.thread.id;
    firstPost = page.data[0]!.id;
    expect(page.data[0]!.html).toContain('<a href="https://bnpb.go.id/peta"');

    const reply = await post(
      h,
      `/v1/tenants/${fx.b}/threads/${threadId}/posts`,
      { body: 'Setuju. @72.71 mohon jadwal latihannya.', quotePostId: firstPost },
      fx.adminB.token,
    );
    expect(reply.status, await reply.clone().text()).toBe(201);
    const replied = (await reply.json()) as Post;
    expect(replied.quote).toMatchObject({ postId: firstPost });
    expect(replied.quote?.excerpt).toContain('latihan evakuasi bersama');
    expect(replied.mentions.tenantIds).toEqual([fx.a]);
    // Palu's admin is told (a mention outranks the reply to what she wrote)
    const mail = lastEmailTo(h, fx.adminA.email);
    expect(mail.subject).toBe('Diskusi: Jalur evakuasi tsunami di Teluk Palu');
    expect(mail.text).toContain('menyebut Bapak/Ibu');

    // anyone reads the national board, without signing in
    const open = await h.json<ThreadPage>(`/v1/threads/${threadId}`);
    expect(open.status).toBe(200);
    expect(open.body.data).toHaveLength(2);
    expect(open.body.canPost).toBe(false);
  });

  it('counts unread posts until the reader marks the thread read', async () => {
    const before = (await boards(fx.a, fx.adminA.token, 'issue')).find(
      (b) => b.id === disasterBoard.id,
    )!;
    expect(before.unreadThreads).toBe(1); // Sigi's reply
    const read = await put(h, `/v1/tenants/${fx.a}/threads/${threadId}/read`, {}, fx.adminA.token);
    expect(read.status).toBe(200);
    const after = (await boards(fx.a, fx.adminA.token, 'issue')).find(
      (b) => b.id === disasterBoard.id,
    )!;
    expect(after.unreadThreads).toBe(0);
  });

  it('keeps a province’s board from a region of another province', async () => {
    const mine = await boards(fx.a, fx.adminA.token, 'province');
    expect(mine.map((b) => b.subjectId)).toEqual(['72']);
    const theirs = await boards(denpasar, denpasarAdmin.token, 'province');
    expect(theirs.map((b) => b.subjectId)).toEqual(['51']);
    const res = await h.request(`/v1/tenants/${denpasar}/boards/${mine[0]!.id}/threads`, {
      headers: bearer(denpasarAdmin.token),
    });
    expect(res.status).toBe(404);
    const write = await post(
      h,
      `/v1/tenants/${denpasar}/boards/${mine[0]!.id}/threads`,
      { title: 'Halo', body: 'Salam dari Bali' },
      denpasarAdmin.token,
    );
    expect(write.status).toBe(404);
  });

  it('lets only the two parties of an accepted interest read and search their negotiation', async () => {
    const potential = await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Pengelolaan air baku lintas daerah',
      direction: 'need',
    });
    const interest = await post(
      h,
      `/v1/catalog/potentials/${potential}/interests`,
      { fromTenantId: fx.b, message: 'Sigi siap berbagi sumber air baku.' },
      fx.adminB.token,
    );
    expect(interest.status, await interest.clone().text()).toBe(201);
    const { id: interestId } = (await interest.json()) as { id: string };
    expect(
      (
        await post(
          h,
          `/v1/tenants/${fx.a}/interests/${interestId}/decision`,
          { decision: 'accept' },
          fx.adminA.token,
        )
      ).status,
    ).toBe(200);
    const opened = await post(
      h,
      `/v1/tenants/${fx.b}/conversations`,
      { subject: { type: 'interest', id: interestId } },
      fx.adminB.token,
    );
    expect(opened.status, await opened.clone().text()).toBe(201);
    const { board } = (await opened.json()) as { board: Board };
    // the other party finds the same board
    const again = await post(
      h,
      `/v1/tenants/${fx.a}/conversations`,
      { subject: { type: 'interest', id: interestId } },
      fx.adminA.token,
    );
    expect(again.status).toBe(200);
    expect(((await again.json()) as { board: Board }).board.id).toBe(board.id);
    const t = await post(
      h,
      `/v1/tenants/${fx.b}/boards/${board.id}/threads`,
      {
        title: 'Rancangan tarif air curah',
        body: 'Usulan tarif curah Rp 2.500 per meter kubik dari mata air Wuasa.',
      },
      fx.adminB.token,
    );
    expect(t.status).toBe(201);

    expect((await search(fx.a, fx.adminA.token, 'Wuasa')).body.total).toBe(1);
    expect((await search(fx.b, fx.adminB.token, 'Wuasa')).body.total).toBe(1);
    expect((await search(fx.a, fx.adminA.token, 'tarif Wuasa')).body.total).toBe(1);
    expect((await search(fx.a, fx.adminA.token, 'tarif -Wuasa')).body.total).toBe(0);
    // newest first, page by page
    const threadId2 = ((await t.json()) as ThreadPage).thread.id;
    for (const body of [
      'Debit mata air Wuasa turun di musim kemarau.',
      'Pipa transmisi dari Wuasa perlu diganti.',
    ])
      expect(
        (await post(h, `/v1/tenants/${fx.a}/threads/${threadId2}/posts`, { body }, fx.adminA.token))
          .status,
      ).toBe(201);
    const first = await h.json<{
      data: { excerpt: string }[];
      nextCursor: string | null;
      total: number;
    }>(`/v1/tenants/${fx.a}/discussion-search?q=Wuasa&limit=2`, {
      headers: bearer(fx.adminA.token),
    });
    expect(first.body.total).toBe(3);
    expect(first.body.data.map((d) => d.excerpt)).toEqual([
      'Pipa transmisi dari Wuasa perlu diganti.',
      'Debit mata air Wuasa turun di musim kemarau.',
    ]);
    const second = await h.json<{ data: { excerpt: string }[]; nextCursor: string | null }>(
      `/v1/tenants/${fx.a}/discussion-search?q=Wuasa&limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
      { headers: bearer(fx.adminA.token) },
    );
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    // only stop words: nothing to look for, rather than everything
    expect((await search(fx.a, fx.adminA.token, 'dan yang')).body.total).toBe(0);
    // the outsider: not in its boards, not readable, not searchable, not even with the board's id
    expect((await boards(denpasar, denpasarAdmin.token)).some((b) => b.id === board.id)).toBe(
      false,
    );
    expect((await search(denpasar, denpasarAdmin.token, 'Wuasa')).body).toMatchObject({
      total: 0,
      data: [],
    });
    expect((await h.json(`/v1/discussion-search?q=Wuasa`)).body).toMatchObject({ total: 0 });
    const direct = await h.request(`/v1/tenants/${denpasar}/boards/${board.id}/threads`, {
      headers: bearer(denpasarAdmin.token),
    });
    expect(direct.status).toBe(404);
    const conversation = await post(
      h,
      `/v1/tenants/${denpasar}/conversations`,
      { subject: { type: 'interest', id: interestId } },
      denpasarAdmin.token,
    );
    expect(conversation.status).toBe(404);
    // the province does not facilitate an interest: it does not read it either
    expect((await search(sulteng, sultengAdmin.token, 'Wuasa')).body.total).toBe(0);
  });

  it('lets a moderator hide a post with a reason the author sees, and lock the thread', async () => {
    const provinceBoard = (await boards(fx.b, fx.adminB.token, 'province'))[0]!;
    const t = (await (
      await post(
        h,
        `/v1/tenants/${fx.b}/boards/${provinceBoard.id}/threads`,
        { title: 'Harga beras jelang Natal', body: 'Stok beras Sigi cukup untuk tiga bulan.' },
        fx.adminB.token,
      )
    ).json()) as ThreadPage;
    const rude = (await (
      await post(
        h,
        `/v1/tenants/${fx.a}/threads/${t.thread.id}/posts`,
        { body: 'Tulisan yang menyinggung.' },
        fx.adminA.token,
      )
    ).json()) as Post;
    // a member of the province's kabupaten/kota reports it; the province's admin sees it in the queue
    const report = await post(
      h,
      `/v1/tenants/${fx.b}/posts/${rude.id}/reports`,
      { reason: 'Menyinggung pihak lain' },
      fx.adminB.token,
    );
    expect(report.status).toBe(201);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${fx.b}/posts/${rude.id}/reports`,
          { reason: 'lagi' },
          fx.adminB.token,
        )
      ).status,
    ).toBe(409);
    const queue = await h.json<{ data: { postId: string; reason: string }[] }>(
      `/v1/tenants/${sulteng}/boards/${provinceBoard.id}/reports`,
      { headers: bearer(sultengAdmin.token) },
    );
    expect(queue.status).toBe(200);
    expect(queue.body.data).toEqual([
      expect.objectContaining({ postId: rude.id, reason: 'Menyinggung pihak lain' }),
    ]);
    // not a moderator: Sigi's admin
    expect(
      (
        await h.request(`/v1/tenants/${fx.b}/boards/${provinceBoard.id}/reports`, {
          headers: bearer(fx.adminB.token),
        })
      ).status,
    ).toBe(403);
    const noReason = await post(
      h,
      `/v1/tenants/${sulteng}/posts/${rude.id}/moderation`,
      { action: 'hide' },
      sultengAdmin.token,
    );
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ProblemBody).errors?.[0]?.location).toBe('body.reason');
    const hidden = await post(
      h,
      `/v1/tenants/${sulteng}/posts/${rude.id}/moderation`,
      { action: 'hide', reason: 'Melanggar tata tertib forum' },
      sultengAdmin.token,
    );
    expect(hidden.status, await hidden.clone().text()).toBe(200);
    const locked = await post(
      h,
      `/v1/tenants/${sulteng}/threads/${t.thread.id}/moderation`,
      { action: 'lock' },
      sultengAdmin.token,
    );
    expect(((await locked.json()) as ThreadPage).thread.locked).toBe(true);
    // the author sees why; others see only that it was hidden
    const byAuthor = (await thread(fx.a, fx.adminA.token, t.thread.id)).body.data.find(
      (p) => p.id === rude.id,
    )!;
    expect(byAuthor).toMatchObject({
      status: 'hidden',
      hiddenReason: 'Melanggar tata tertib forum',
      body: 'Tulisan yang menyinggung.',
    });
    const byOther = (await thread(fx.b, fx.adminB.token, t.thread.id)).body.data.find(
      (p) => p.id === rude.id,
    )!;
    expect(byOther).toMatchObject({ status: 'hidden', hiddenReason: null, body: null, html: null });
    // the queue is empty, the thread takes no replies, and each act is audited
    expect(
      (
        await h.json<{ data: unknown[] }>(
          `/v1/tenants/${sulteng}/boards/${provinceBoard.id}/reports`,
          {
            headers: bearer(sultengAdmin.token),
          },
        )
      ).body.data,
    ).toEqual([]);
    const late = await post(
      h,
      `/v1/tenants/${fx.b}/threads/${t.thread.id}/posts`,
      { body: 'Masih bisa?' },
      fx.adminB.token,
    );
    expect(late.status).toBe(409);
    const audit = await h.client.query<{ action: string }>(
      `select action from audit_log where tenant_id = $1 and action like 'discussion.%' order by created_at`,
      [sulteng],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'discussion.post_hidden',
      'discussion.thread_lock',
    ]);
  });

  it('leaves a tombstone when the author deletes, and keeps an edit’s history', async () => {
    const reply = (await (
      await post(
        h,
        `/v1/tenants/${fx.b}/threads/${threadId}/posts`,
        { body: 'Latihan tanggal 5 Desember.' },
        fx.adminB.token,
      )
    ).json()) as Post;
    const edited = await patch(
      h,
      `/v1/tenants/${fx.b}/posts/${reply.id}`,
      { body: 'Latihan tanggal 12 Desember.' },
      fx.adminB.token,
    );
    expect(edited.status).toBe(200);
    const history = await h.json<{ data: { body: string }[] }>(
      `/v1/tenants/${fx.b}/posts/${reply.id}/revisions`,
      {
        headers: bearer(fx.adminB.token),
      },
    );
    expect(history.body.data.map((r) => r.body)).toEqual(['Latihan tanggal 5 Desember.']);
    // only its author edits or deletes
    expect(
      (await patch(h, `/v1/tenants/${fx.a}/posts/${reply.id}`, { body: 'Ubah' }, fx.adminA.token))
        .status,
    ).toBe(403);
    expect((await del(h, `/v1/tenants/${fx.a}/posts/${reply.id}`, fx.adminA.token)).status).toBe(
      403,
    );
    expect((await del(h, `/v1/tenants/${fx.b}/posts/${reply.id}`, fx.adminB.token)).status).toBe(
      204,
    );
    const page = (await thread(fx.a, fx.adminA.token, threadId)).body;
    const tomb = page.data.find((p) => p.id === reply.id)!;
    expect(tomb).toMatchObject({ status: 'deleted', body: null, html: null });
    expect(page.data.length).toBe(3); // the thread reads on
    const revisions = await h.json<{ data: unknown[] }>(
      `/v1/tenants/${fx.b}/posts/${reply.id}/revisions`,
      {
        headers: bearer(fx.adminB.token),
      },
    );
    expect(revisions.body.data).toEqual([]);
  });

  it('never lets a <script> or a javascript: link reach the HTML, and keeps the Markdown as written', async () => {
    const body =
      'Perhatikan <script>alert("x")</script>\n\n[klik](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">ini</a> <img src=x onerror="alert(3)">';
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/threads/${threadId}/posts`,
      { body },
      fx.adminA.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const p = (await res.json()) as Post;
    expect(p.body).toBe(body);
    expect(p.html).not.toMatch(/<script|javascript:|onerror|<img/i);
    expect(p.html).toContain('klik');
  });

  it('refuses a body over the limit naming the field, caps links for a new account, and mutes', async () => {
    const tooLong = await post(
      h,
      `/v1/tenants/${fx.a}/threads/${threadId}/posts`,
      { body: 'a'.repeat(20_001) },
      fx.adminA.token,
    );
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as ProblemBody).errors?.[0]?.location).toBe('body.body');
    const links = await post(
      h,
      `/v1/tenants/${fx.a}/threads/${threadId}/posts`,
      { body: 'https://a.id/1 https://a.id/2 https://a.id/3' },
      fx.adminA.token,
    );
    expect(links.status).toBe(400);
    expect(((await links.json()) as ProblemBody).errors?.[0]?.message).toContain('tautan');
    const muted = await post(
      h,
      `/v1/tenants/${fx.a}/boards/${disasterBoard.id}/mutes`,
      {
        userId: fx.adminB.userId,
        until: new Date(Date.now() + 86400_000).toISOString(),
        reason: 'Menulis berulang-ulang',
      },
      fx.platform.token,
    );
    expect(muted.status, await muted.clone().text()).toBe(200);
    const blocked = await post(
      h,
      `/v1/tenants/${fx.b}/threads/${threadId}/posts`,
      { body: 'Halo lagi' },
      fx.adminB.token,
    );
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as ProblemBody).detail).toContain('Menulis berulang-ulang');
  });

  it('gives a forum session a board for its delegations, read by the public once the convener opens it', async () => {
    const { sessionId } = await publishedProvinceSession(h, sulteng, sultengAdmin.token);
    const registered = await post(
      h,
      `/v1/tenants/${fx.b}/forum-registrations`,
      {
        sessionId,
        delegates: [{ userId: fx.adminB.userId, title: 'Kepala Bagian Kerja Sama', head: true }],
      },
      fx.adminB.token,
    );
    expect(registered.status, await registered.clone().text()).toBe(201);
    // a region not registered cannot open it; the registered delegation can
    const outsider = await post(
      h,
      `/v1/tenants/${fx.a}/conversations`,
      { subject: { type: 'session', id: sessionId } },
      fx.adminA.token,
    );
    expect(outsider.status).toBe(404);
    const opened = await post(
      h,
      `/v1/tenants/${fx.b}/conversations`,
      { subject: { type: 'session', id: sessionId } },
      fx.adminB.token,
    );
    expect(opened.status, await opened.clone().text()).toBe(201);
    const { board } = (await opened.json()) as { board: Board };
    const t = await post(
      h,
      `/v1/tenants/${fx.b}/boards/${board.id}/threads`,
      { title: 'Usulan agenda sesi', body: 'Mohon sesi khusus sistem peringatan dini.' },
      fx.adminB.token,
    );
    expect(t.status).toBe(201);
    const { thread: th } = (await t.json()) as ThreadPage;
    expect((await h.request(`/v1/threads/${th.id}`)).status).toBe(404);
    // only the convener opens it to the public; then anyone reads, but only delegations write
    expect(
      (
        await put(
          h,
          `/v1/tenants/${fx.b}/boards/${board.id}/publicity`,
          { publicRead: true },
          fx.adminB.token,
        )
      ).status,
    ).toBe(403);
    const opening = await put(
      h,
      `/v1/tenants/${sulteng}/boards/${board.id}/publicity`,
      { publicRead: true },
      sultengAdmin.token,
    );
    expect(opening.status, await opening.clone().text()).toBe(200);
    expect((await h.request(`/v1/threads/${th.id}`)).status).toBe(200);
    const fromPalu = await post(
      h,
      `/v1/tenants/${fx.a}/threads/${th.id}/posts`,
      { body: 'Boleh ikut?' },
      fx.adminA.token,
    );
    expect(fromPalu.status).toBe(403);
  });

  it('limits how fast one user posts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (
          await post(
            h,
            `/v1/tenants/${fx.a}/threads/${threadId}/posts`,
            { body: `Catatan ${i}` },
            fx.adminA.token,
          )
        ).status,
      );
    expect(statuses).toContain(429);
  });
});
