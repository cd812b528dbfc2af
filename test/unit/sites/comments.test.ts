/**
 * Every adapter field on every fixture page (jsdom), comments and reply boxes included, and
 * what happens when the markup is not what the adapter expects.
 */
import { describe, expect, it } from 'vitest';
import { okAdapter, vkAdapter, type PageItem, type SiteAdapter } from '@/lib/sites';
import { readOkItems } from '@/lib/sites/ok';
import { readVkItems } from '@/lib/sites/vk';
import { describeShared, hasShared, parseHtml, parseHtmlAt, repoFixture, sharedFixture } from '../../helpers/fixtures';

const plain = (items: PageItem[]) => items.map(({ element: _element, ...rest }) => rest);
const byKey = (items: PageItem[], key: string) => {
  const found = items.find((i) => i.key === key);
  if (!found) throw new Error(`no item ${key} among ${items.map((i) => i.key).join(', ')}`);
  return found;
};
/** A fixture page as the site would serve it at that address (health reads the path). */
const page = (file: string, url: string) => parseHtmlAt(repoFixture(file), url);
const failed = (adapter: SiteAdapter, doc: Document) =>
  adapter
    .health(doc)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);

describe('VK single post with expanded threads (vk-post.html)', () => {
  const doc = page('vk-post.html', 'https://vk.com/wall-100_502');
  const items = vkAdapter.findItems(doc);

  it('finds the post and every comment, thread replies included, once each', () => {
    expect(items.map((i) => `${i.kind} ${i.key}`)).toEqual([
      'post vk:wall-100_502',
      'comment vk:wall-100_502_r601',
      'comment vk:wall-100_502_r602',
      'comment vk:wall-100_502_r603',
      'comment vk:wall-100_502_r604',
    ]);
  });

  it('reads the post id from data-post-id when the date has no link (a post page)', () => {
    expect(plain([byKey(items, 'vk:wall-100_502')])[0]).toEqual({
      site: 'vk',
      kind: 'post',
      key: 'vk:wall-100_502',
      url: 'https://vk.com/wall-100_502',
      author: { name: 'Мария Сидорова', url: 'https://vk.com/id555' },
      text: 'Третий день нет горячей воды в домах по улице Садовой. Куда обращаться?',
      publishedAt: 1763967600_000,
      attachments: [{ type: 'photo', url: 'https://vk.com/photo-100_9002' }],
    });
  });

  it("takes a comment's fields from its own nodes, not from its thread", () => {
    expect(plain([byKey(items, 'vk:wall-100_502_r601')])[0]).toEqual({
      site: 'vk',
      kind: 'comment',
      key: 'vk:wall-100_502_r601',
      url: 'https://vk.com/wall-100_502?reply=601',
      parentKey: 'vk:wall-100_502',
      author: { name: 'Ольга Белова', url: 'https://vk.com/olga.belova' },
      text: 'У нас на Садовой, 14 тоже нет воды 😢 Звонили в управляющую компанию — никто не берёт трубку.',
      publishedAt: 1763969400_000,
      attachments: [],
    });
    const reply = byKey(items, 'vk:wall-100_502_r602');
    expect(reply).toMatchObject({
      author: { name: 'Игорь Лебедев' },
      text: 'Ольга, в аварийную звонить надо: 05.',
      parentKey: 'vk:wall-100_502',
      publishedAt: 1763970000_000,
    });
    expect(reply.url).toBe('https://vk.com/wall-100_502?reply=602');
    expect(byKey(items, 'vk:wall-100_502_r604').attachments).toEqual([{ type: 'photo', url: 'https://vk.com/photo-904_31' }]);
  });

  it('keeps comment text out of the post', () => {
    expect(byKey(items, 'vk:wall-100_502').text).not.toContain('Садовой, 14');
  });

  it('finds the composer, answering the post, and the reply control of each comment', () => {
    const boxes = vkAdapter.findReplyBoxes(doc);
    expect(boxes.map((b) => b.answersKey)).toEqual(['vk:wall-100_502']);
    expect(boxes[0]!.element.getAttribute('data-testid')).toBe('content-editable-input');
    expect(vkAdapter.replyControl(byKey(items, 'vk:wall-100_502_r601'))?.textContent).toBe('Ответить');
    // The reply control of the first comment is its own, not one of its thread's.
    expect(vkAdapter.replyControl(byKey(items, 'vk:wall-100_502_r601'))?.closest('[data-fixture-comment]')?.getAttribute('data-fixture-comment')).toBe('601');
    expect(vkAdapter.replyControl(byKey(items, 'vk:wall-100_502'))).toBeNull();
  });

  it('anchors a comment button after its date, inside the comment itself', () => {
    const comment = byKey(items, 'vk:wall-100_502_r601');
    const { parent } = vkAdapter.buttonAnchor(comment);
    expect(parent.closest('[data-testid="wall_comments_comment_root"]')).toBe(comment.element);
    expect(parent.closest('[data-testid="wall_comments_layout_thread"]')).toBeNull();
  });

  it('passes its health check, saying which fallback matched', () => {
    const health = vkAdapter.health(doc);
    expect(health.ok).toBe(true);
    expect(health.checks.map((c) => c.name)).toEqual([
      'post-root',
      'post-id',
      'post-item',
      'post-text',
      'post-author',
      'comment-root',
      'comment-id',
      'comment-item',
      'comment-author',
      'comment-text',
      'reply-box',
    ]);
    expect(health.checks.find((c) => c.name === 'comment-text')?.detail).toBe('4/4 via #1');
  });

  it('names the reply box when VK renames it on a post page', () => {
    const html = repoFixture('vk-post.html')
      .replaceAll('data-testid="content-editable-input"', 'data-testid="composer-v2"')
      .replaceAll('vkitCommentInput__root', 'renamedInput');
    const doc2 = parseHtmlAt(html, 'https://vk.ru/wall-100_502');
    expect(failed(vkAdapter, doc2)).toEqual(['reply-box']);
    // Capture keeps working: the items are still found.
    expect(vkAdapter.findItems(doc2)).toHaveLength(5);
  });

  it('names the comment author when its hook is gone', () => {
    const html = repoFixture('vk-post.html').replaceAll('data-testid="comment-owner"', 'data-testid="renamed"');
    expect(failed(vkAdapter, parseHtml(html))).toEqual(['comment-author']);
  });

  it('names the comment root when comments show but no hook matches them', () => {
    const html = repoFixture('vk-post.html')
      .replaceAll('wall_comments_comment_root', 'renamed_root')
      .replaceAll('wall_comments_comment_in_thread', 'renamed_thread');
    expect(failed(vkAdapter, parseHtml(html))).toEqual(['comment-root']);
  });
});

describe('VK feed comments (vk-feed.html)', () => {
  const doc = parseHtml(repoFixture('vk-feed.html'));
  it('reads a hostile comment as text and ties it and the composer to their post', () => {
    const items = vkAdapter.findItems(doc);
    const comment = byKey(items, 'vk:wall-100_504_r705');
    expect(comment.author.name).toBe('Вера <i>Орлова</i>');
    expect(comment.text).toBe('<script>alert("comment")</script> Когда уберут & вывезут?');
    expect(comment.parentKey).toBe('vk:wall-100_504');
    expect(vkAdapter.findReplyBoxes(doc).map((b) => b.answersKey)).toEqual(['vk:wall-100_504']);
  });
});

describe('VK legacy photo viewer (vk-photo.html)', () => {
  const doc = page('vk-photo.html', 'https://vk.com/photo-100_9001');
  const items = vkAdapter.findItems(doc);

  it('finds the photo as the post and its comments with photo keys', () => {
    expect(plain(items)).toEqual([
      {
        site: 'vk',
        kind: 'post',
        key: 'vk:photo-100_9001',
        url: 'https://vk.com/photo-100_9001',
        author: { name: 'Администрация Заречного района', url: 'https://vk.com/club100' },
        text: 'Двор дома 12 по улице Лесной после уборки.',
        publishedAt: 1763964000_000,
        attachments: [],
      },
      {
        site: 'vk',
        kind: 'comment',
        key: 'vk:photo-100_9001_r55',
        url: 'https://vk.com/photo-100_9001?reply=55',
        parentKey: 'vk:photo-100_9001',
        author: { name: 'Ольга Белова', url: 'https://vk.com/olga.belova' },
        text: 'А контейнеры так и не поменяли, они сломаны.',
        publishedAt: 1763970000_000,
        attachments: [],
      },
      {
        site: 'vk',
        kind: 'comment',
        key: 'vk:photo-100_9001_r56',
        url: 'https://vk.com/photo-100_9001?reply=56',
        parentKey: 'vk:photo-100_9001',
        author: { name: 'Пётр Иванов', url: 'https://vk.com/id903' },
        text: 'Спасибо, стало чище!\nЕщё бы лавочки покрасить.',
        publishedAt: 1763970600_000,
        attachments: [],
      },
    ]);
  });

  it('reads the legacy form: the hidden reply_to field names the comment being answered', () => {
    expect(vkAdapter.findReplyBoxes(doc).map((b) => b.answersKey)).toEqual(['vk:photo-100_9001']);
    doc.querySelector<HTMLInputElement>('#reply_to-100_9001')!.value = '55';
    expect(vkAdapter.findReplyBoxes(doc).map((b) => b.answersKey)).toEqual(['vk:photo-100_9001_r55']);
    doc.querySelector<HTMLInputElement>('#reply_to-100_9001')!.value = '';
    expect(vkAdapter.replyControl(byKey(items, 'vk:photo-100_9001_r56'))?.className).toBe('reply_link');
  });

  it('passes its health check through the legacy fallbacks', () => {
    const health = vkAdapter.health(doc);
    expect(health.ok).toBe(true);
    expect(health.checks.find((c) => c.name === 'comment-author')?.detail).toMatch(/fallback #3/);
  });
});

describe('VK community wall (vk-wall.html)', () => {
  const items = vkAdapter.findItems(page('vk-wall.html', 'https://vk.com/club200'));
  it('finds all 40 posts with their fields; signatures and videos are read right', () => {
    expect(items).toHaveLength(40);
    expect(new Set(items.map((i) => i.key)).size).toBe(40);
    const signed = byKey(items, 'vk:wall-200_1000');
    expect(signed.author).toEqual({ name: 'Заречье — официально', url: 'https://vk.com/club200' });
    expect(signed.text).toBe('Яма на дороге у школы №3. Обращение №1.');
    expect(byKey(items, 'vk:wall-200_1003').attachments).toEqual([{ type: 'video', url: 'https://vk.com/video-200_456' }]);
    for (const item of items) expect(item).toMatchObject({ kind: 'post', url: `https://vk.com/${item.key.slice(3)}`, publishedAt: expect.any(Number) });
  });
});

describeShared('fixtures/vk-ok-dom/vkfeed-2012', 'VK legacy 2012 community wall with comments (real page, ../shared/fixtures)', () => {
  const raw = sharedFixture('vk-ok-dom/vkfeed-2012/group_profile_page_with_comments.html', 'windows-1251');
  const doc = parseHtml(raw);
  const items = vkAdapter.findItems(doc);
  const comments = items.filter((i) => i.kind === 'comment');

  it('finds every post and every comment of the saved page', () => {
    // Counted in the raw HTML, independently of the adapter's selectors.
    const postCount = raw.match(/<div id="post-?\d+_\d+" class="post /g)?.length ?? 0;
    const commentCount = raw.match(/<div id="post-?\d+_\d+" class="reply /g)?.length ?? 0;
    expect([postCount, commentCount]).toEqual([16, 45]);
    expect(items.filter((i) => i.kind === 'post')).toHaveLength(postCount);
    expect(comments).toHaveLength(commentCount);
    expect(new Set(comments.map((c) => c.key)).size).toBe(commentCount);
  });

  it('gives each comment its text, author and canonical key under its post', () => {
    expect(plain([byKey(items, 'vk:wall-33241_172998_r173007')])[0]).toEqual({
      site: 'vk',
      kind: 'comment',
      key: 'vk:wall-33241_172998_r173007',
      url: 'https://vk.com/wall-33241_172998?reply=173007',
      parentKey: 'vk:wall-33241_172998',
      author: { name: 'Дмитрий Джедаевич', url: 'https://vk.com/id6965824' },
      text: 'Руслан, что знач нет?\nон в ядре давно\nу меня 11.10 и две видео.. дискретку отключил.\nvga_shitchroo в ядре уже с 11.04. отключается за 1 минутут от силы',
      publishedAt: 1326309049_000,
      attachments: [],
    });
    const posts = new Set(items.filter((i) => i.kind === 'post').map((i) => i.key));
    for (const c of comments) {
      expect(c.key).toMatch(/^vk:wall-33241_\d+_r\d+$/);
      expect(posts.has(c.parentKey!)).toBe(true);
      expect(c.author.name).not.toBe('');
      expect(c.text).not.toBe('');
    }
    // The post keeps its own author and text: not the first commenter's.
    expect(byKey(items, 'vk:wall-33241_172998')).toMatchObject({
      author: { name: 'Руслан Гладченко' },
      text: 'Народ ну может у кого есть ноутбук с 2-мя видеокартами. Как справляетесь?',
    });
  });

  it('does not ask for a reply box on a wall page without one (logged out)', () => {
    expect(failed(vkAdapter, doc)).toEqual([]);
  });
});

describe('OK group topic with comments (ok-topic.html)', () => {
  const doc = page('ok-topic.html', 'https://ok.ru/group/300/topic/700001');
  const items = okAdapter.findItems(doc);

  it('finds the topic and its comments, each with its fields', () => {
    expect(plain(items)).toEqual([
      {
        site: 'ok',
        kind: 'post',
        key: 'ok:group/300/topic/700001',
        url: 'https://ok.ru/group/300/topic/700001',
        author: { name: 'Ольга Николаева', url: 'https://ok.ru/profile/910001' },
        text: 'Во дворе на улице Мира, 5 не горят фонари уже месяц. Детям страшно ходить в школу.',
        publishedAt: 1763961300_000,
        attachments: [{ type: 'photo', url: 'https://ok.ru/group/300/photo/5001' }],
      },
      {
        site: 'ok',
        kind: 'comment',
        key: 'ok:group/300/topic/700001_c8100001',
        url: 'https://ok.ru/group/300/topic/700001?commentId=8100001',
        parentKey: 'ok:group/300/topic/700001',
        author: { name: 'Андрей Соколов', url: 'https://ok.ru/profile/910005' },
        text: 'Подтверждаю, у дома 7 тоже темно. Я звонил в горсвет, обещали «в порядке очереди».',
        publishedAt: 1763963100_000,
        attachments: [],
      },
      {
        site: 'ok',
        kind: 'comment',
        key: 'ok:group/300/topic/700001_c8100002',
        url: 'https://ok.ru/group/300/topic/700001?commentId=8100002',
        parentKey: 'ok:group/300/topic/700001',
        author: { name: 'Мария Ершова', url: 'https://ok.ru/profile/910006' },
        text: 'Андрей, а номер горсвета какой?',
        publishedAt: 1763964000_000,
        attachments: [],
      },
    ]);
  });

  it('ties the comment box (beside the topic body) to the topic, and finds the reply controls', () => {
    expect(okAdapter.findReplyBoxes(doc).map((b) => b.answersKey)).toEqual(['ok:group/300/topic/700001']);
    expect(okAdapter.replyControl(byKey(items, 'ok:group/300/topic/700001_c8100002'))?.textContent).toBe('Ответить');
    expect(okAdapter.health(doc).ok).toBe(true);
  });

  it('names the comment box when it is gone from a topic page', () => {
    const html = repoFixture('ok-topic.html').replaceAll('comments_add-ceditable', 'renamed').replaceAll('class="comments_add"', 'class="renamed_add"');
    const doc2 = parseHtmlAt(html, 'https://ok.ru/group/300/topic/700001');
    expect(failed(okAdapter, doc2)).toEqual(['reply-box']);
  });

  it('falls back to the hook block id when a comment has no readable id', () => {
    const html = repoFixture('ok-topic.html').replace(`data-seen-params='{"data":{"commentId":"8100001"}}'`, `data-seen-params='not json'`);
    expect(okAdapter.findItems(parseHtml(html)).map((i) => i.key)).toContain('ok:group/300/topic/700001_c8100001');
  });
});

describe('bad markup never throws', () => {
  it('survives garbage, broken JSON and odd attributes on both sites', () => {
    const doc = parseHtml(
      '<div data-testid="wall_comments_comment_root"><a data-testid="wall_comment_date" href="javascript:alert(1)?reply=x">x</a></div>' +
        '<div class="comments_lst_cnt"><div id="hook_Block_X"><div data-seen-params="{"></div></div></div>' +
        '<div data-post-id="nonsense"><div data-ts="-5"></div></div>',
    );
    expect(vkAdapter.findItems(doc)).toEqual([]);
    expect(okAdapter.findItems(doc)).toEqual([]);
    expect(() => vkAdapter.health(doc)).not.toThrow();
    expect(() => okAdapter.health(doc)).not.toThrow();
    expect(vkAdapter.findReplyBoxes(doc)).toEqual([]);
  });

  it('finds an item when scanning starts at the item itself (incremental scans)', () => {
    const doc = parseHtml(repoFixture('vk-post.html'));
    const comment = doc.querySelector('#comment-100_604')!;
    expect(vkAdapter.findItems(comment).map((i) => i.key)).toEqual(['vk:wall-100_502_r604']);
  });
});

describe('whole-page and incremental scans agree', () => {
  // findItems(document) finds a page's items in one query per selector; findItems(element)
  // queries inside each item; readVkItems/readOkItems(document) also read every field in one
  // batch (as the health check does). All must give the same items and fields on every fixture.
  const pages: Array<[SiteAdapter, string]> = [
    [vkAdapter, 'vk-feed.html'],
    [vkAdapter, 'vk-post.html'],
    [vkAdapter, 'vk-photo.html'],
    [vkAdapter, 'vk-wall.html'],
    [okAdapter, 'ok-feed.html'],
    [okAdapter, 'ok-topic.html'],
  ];
  it.each(pages)('%#: the same items from the document and from its body', (adapter, file) => {
    const doc = parseHtml(repoFixture(file));
    const whole = plain(adapter.findItems(doc));
    expect(whole.length).toBeGreaterThan(1);
    expect(plain(adapter.findItems(doc.body))).toEqual(whole);
    const read = adapter === vkAdapter ? readVkItems : readOkItems;
    expect(plain(read(doc))).toEqual(whole);
    expect(plain(read(doc.body))).toEqual(whole);
  });
  it.skipIf(!hasShared('fixtures/vk-ok-dom/vkfeed-2012'))('on the real 2012 wall too (needs ../shared/fixtures/vk-ok-dom/vkfeed-2012)', () => {
    const doc = parseHtml(sharedFixture('vk-ok-dom/vkfeed-2012/group_profile_page_with_comments.html', 'windows-1251'));
    const whole = plain(vkAdapter.findItems(doc));
    expect(whole.length).toBeGreaterThan(40);
    expect(plain(vkAdapter.findItems(doc.body))).toEqual(whole);
    expect(plain(readVkItems(doc))).toEqual(whole);
  });
});

describe("an item's fields are read when first asked for", () => {
  it('reads the page as it is then, and keeps what it read', () => {
    const doc = parseHtml(repoFixture('vk-post.html'));
    const item = byKey(vkAdapter.findItems(doc), 'vk:wall-100_502_r604');
    const text = doc.querySelector('#comment-100_604 [data-testid="showmoretext-in"]')!;
    text.textContent = 'Исправлено автором: подвал сухой.';
    expect(item.text).toBe('Исправлено автором: подвал сухой.');
    text.textContent = 'Ещё раз исправлено.';
    expect(item.text).toBe('Исправлено автором: подвал сухой.');
    // A fresh scan sees the page as it is now.
    expect(byKey(vkAdapter.findItems(doc), 'vk:wall-100_502_r604').text).toBe('Ещё раз исправлено.');
  });

  it('are plain enumerable fields: spread and JSON see them', () => {
    const doc = parseHtml(repoFixture('vk-post.html'));
    const { element: _element, ...rest } = byKey(vkAdapter.findItems(doc), 'vk:wall-100_502_r604');
    expect(Object.keys(rest)).toEqual(expect.arrayContaining(['key', 'author', 'text', 'publishedAt', 'attachments']));
    expect(JSON.parse(JSON.stringify(rest))).toMatchObject({ text: 'Вот фото подвала, там всё залито.', author: { name: 'Николай Орлов' } });
  });

  it('are read from a node the site has since removed (a virtualised wall)', () => {
    const doc = parseHtml(repoFixture('vk-post.html'));
    const item = byKey(vkAdapter.findItems(doc), 'vk:wall-100_502_r604');
    item.element.remove();
    expect(item.text).toBe('Вот фото подвала, там всё залито.');
    expect(item.attachments).toEqual([{ type: 'photo', url: 'https://vk.com/photo-904_31' }]);
  });

  it('reads the author apart from the text: asking who wrote a comment leaves its text unread', () => {
    const doc = parseHtml(repoFixture('vk-post.html'));
    const item = byKey(vkAdapter.findItems(doc), 'vk:wall-100_502_r604');
    const text = doc.querySelector('#comment-100_604 [data-testid="showmoretext-in"]')!;
    expect(item.author).toMatchObject({ name: 'Николай Орлов', url: expect.stringMatching(/^https:\/\/vk\.com\//) });
    // The text was not read with the author: it is read now, as the page is now.
    text.textContent = 'Прочитано позже.';
    expect(item.text).toBe('Прочитано позже.');
    // And the author is kept as first read, whatever the text's read found.
    doc.querySelector('#comment-100_604 [data-testid="comment-owner"], #comment-100_604 a[href]')?.remove();
    expect(item.author.name).toBe('Николай Орлов');
  });

  it('are empty, not thrown, when the markup cannot be read', () => {
    const doc = parseHtml(repoFixture('vk-post.html'));
    const item = byKey(vkAdapter.findItems(doc), 'vk:wall-100_502_r604');
    Object.defineProperty(item.element, 'querySelectorAll', {
      value: () => {
        throw new Error('hostile page script');
      },
    });
    expect(() => item.text).not.toThrow();
    expect(item).toMatchObject({ key: 'vk:wall-100_502_r604', text: '', author: { name: '' }, attachments: [] });
  });
});
