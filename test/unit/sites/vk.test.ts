import { describe, expect, it } from 'vitest';
import { adapterFor, okAdapter, vkAdapter } from '@/lib/sites';
import { describeShared, parseHtml, repoFixture, sharedFixture } from '../../helpers/fixtures';

describe('adapterFor', () => {
  it('picks the adapter by host and nothing elsewhere', () => {
    expect(adapterFor('https://vk.com/feed')).toBe(vkAdapter);
    expect(adapterFor(new URL('https://vk.ru/wall-1_2'))).toBe(vkAdapter);
    expect(adapterFor('https://ok.ru/group/1')).toBe(okAdapter);
    expect(adapterFor('https://m.vk.com/feed')).toBeNull();
    expect(adapterFor('https://vk.com.evil.example/')).toBeNull();
    expect(adapterFor('not a url')).toBeNull();
  });
});

describe('VK adapter on the modern fixture (test/fixtures/vk-feed.html)', () => {
  const doc = parseHtml(repoFixture('vk-feed.html'));
  const items = vkAdapter.findItems(doc);

  it('finds every post once: the repeated pinned post and the repost are not extra items', () => {
    expect(items.filter((i) => i.kind === 'post').map((i) => i.key)).toEqual(['vk:wall-100_501', 'vk:wall-100_502', 'vk:wall-100_503', 'vk:wall-100_504']);
  });

  it('reads author, canonical link, date, text and photos of a post', () => {
    const first = items[0]!;
    expect(first).toMatchObject({
      site: 'vk',
      kind: 'post',
      url: 'https://vk.com/wall-100_501',
      author: { name: 'Иван Петров', url: 'https://vk.com/ivan.petrov' },
      publishedAt: 1763964000_000,
      attachments: [{ type: 'photo', url: 'https://vk.com/photo-100_9001' }],
    });
    // NBSP normalised, emoji image as its alt, <br> as a line break, "show more" left out.
    expect(first.text).toBe('На улице Лесной во дворе дома 12 уже неделю не вывозят мусор. Контейнеры переполнены 😡\nКогда вывезут?');
  });

  it("keeps a repost's text and author out of the post that shares it", () => {
    const sharing = items.find((i) => i.key === 'vk:wall-100_503')!;
    expect(sharing.author.name).toBe('Анна Козлова');
    expect(sharing.text).toBe('Посмотрите, что пишут про наш мост! Когда отремонтируют?');
  });

  it('keeps markup-like text as plain text', () => {
    const hostile = items.find((i) => i.key === 'vk:wall-100_504')!;
    expect(hostile.author.name).toBe('Пётр <script>alert(1)</script> Смирнов');
    expect(hostile.text).toBe('Текст с разметкой: <b onclick="x()">жирный</b> & <img src=x onerror=alert(2)>');
  });

  it('passes its health check', () => {
    const health = vkAdapter.health(doc);
    expect(health.checks.filter((c) => !c.ok)).toEqual([]);
    expect(health.ok).toBe(true);
  });

  it('anchors the button after the post header', () => {
    const { parent, before } = vkAdapter.buttonAnchor(items[0]!);
    const host = doc.createElement('div');
    parent.insertBefore(host, before);
    expect(host.previousElementSibling?.getAttribute('data-testid')).toBe('post_header');
    expect(host.nextElementSibling?.getAttribute('data-testid')).toBe('post-content-container');
    host.remove();
  });
});

describeShared('fixtures/vk-ok-dom/vkfeed-2012', 'VK adapter on real legacy pages (../shared/fixtures/vk-ok-dom/vkfeed-2012)', () => {
  const group = parseHtml(sharedFixture('vk-ok-dom/vkfeed-2012/group_profile_page_with_comments.html', 'windows-1251'));
  const user = parseHtml(sharedFixture('vk-ok-dom/vkfeed-2012/user_profile_page.html', 'windows-1251'));

  it('finds the wall posts of a community with their signed owner id', () => {
    const items = vkAdapter.findItems(group).filter((i) => i.kind === 'post');
    const expected = [...group.querySelectorAll('#page_wall_posts > div.post[id^="post"]')].length;
    expect(expected).toBeGreaterThan(5);
    expect(items).toHaveLength(expected);
    expect(items[0]).toMatchObject({
      key: 'vk:wall-33241_173014',
      url: 'https://vk.com/wall-33241_173014',
      author: { name: 'Марк Драчков', url: 'https://vk.com/id32676490' },
      text: 'как переустановить phpmyadmin',
      publishedAt: 1326309430_000,
    });
    for (const item of items) {
      expect(item.key).toMatch(/^vk:wall-33241_\d+$/);
      expect(item.author.name).not.toBe('');
    }
  });

  it("finds a person's wall posts", () => {
    const items = vkAdapter.findItems(user);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.key).toMatch(/^vk:wall\d+_\d+$/);
  });
});

describe('reply boxes', () => {
  it("finds VK's comment box with the post it answers", () => {
    const doc = parseHtml(
      '<div data-testid="post"><div data-post-id="-1_2"><div data-testid="content-editable-input" contenteditable="true"></div></div></div>' +
        '<div data-testid="content-editable-input" contenteditable="true">outside any post</div>',
    );
    expect(vkAdapter.findReplyBoxes(doc).map((b) => b.answersKey)).toEqual(['vk:wall-1_2']);
  });
});

describe('bad markup', () => {
  it('returns nothing and names the failed check on an empty page', () => {
    const doc = parseHtml('<html><body><div>ничего</div></body></html>');
    expect(vkAdapter.findItems(doc)).toEqual([]);
    const health = vkAdapter.health(doc);
    expect(health.ok).toBe(false);
    expect(health.checks.find((c) => !c.ok)?.name).toBe('post-root');
  });

  it('skips a post root without any id instead of throwing', () => {
    const doc = parseHtml(
      '<div data-testid="post"><div class="vkitPostText__root--a">без id</div></div><div data-post-id="-1_2"><a data-testid="post-header-title" href="/x">X</a></div>',
    );
    expect(vkAdapter.findItems(doc).map((i) => i.key)).toEqual(['vk:wall-1_2']);
  });

  it('says which field failed when the text hook is gone', () => {
    const html = repoFixture('vk-feed.html')
      .replaceAll('data-testid="showmoretext-in"', 'data-testid="renamed"')
      .replaceAll('vkitPostText__root', 'renamedText');
    const health = vkAdapter.health(parseHtml(html));
    expect(health.ok).toBe(false);
    expect(health.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['post-text']);
  });
});

describe('OK adapter on test/fixtures/ok-feed.html', () => {
  const doc = parseHtml(repoFixture('ok-feed.html'));

  it('finds feed posts with canonical keys, authors and text', () => {
    const items = okAdapter.findItems(doc);
    expect(items.map((i) => i.key)).toEqual(['ok:group/300/topic/700001', 'ok:group/300/topic/700002']);
    expect(items[0]).toMatchObject({
      url: 'https://ok.ru/group/300/topic/700001',
      author: { name: 'Ольга Николаева', url: 'https://ok.ru/profile/910001' },
      text: 'Во дворе на улице Мира, 5 не горят фонари уже месяц. Детям страшно ходить в школу.',
    });
    expect(okAdapter.health(doc).ok).toBe(true);
  });
});

describe('VK adapter against hostile or unusual markup', () => {
  it("never takes a /wall link in the citizen's text for the post's id (legacy wall, no header link)", () => {
    const doc = parseHtml(`<div id="post-1_77" class="post"><div class="post_header"><a class="author" href="/ivan">Иван</a></div>
      <div class="wall_post_text">Смотрите старый пост <a href="/wall-999_1">/wall-999_1</a></div></div>`);
    const keys = vkAdapter.findItems(doc).map((i) => i.key);
    expect(keys).not.toContain('vk:wall-999_1');
    expect(keys).toEqual(['vk:wall-1_77']); // from the post's own id
  });

  it("reads a post's id once per scan for a long thread of comments without permalinks", () => {
    const thread = (n: number) =>
      parseHtml(
        // The post's id only in its date link (no attribute on its root), comments without links.
        `<div data-testid="post"><a data-testid="post_date_block_preview" href="/wall-5_9">вчера</a>` +
          Array.from(
            { length: n },
            (_, i) => `<div data-testid="comment" id="comment-5_${1000 + i}"><div data-testid="comment-text">Комментарий ${i}</div></div>`,
          ).join('') +
          `</div>`,
      );
    const queriesFor = (n: number) => {
      const doc = thread(n);
      const post = doc.querySelector('[data-testid="post"]')!;
      let count = 0;
      // Subtree queries on the post (the costly part; the selector engine's own attribute reads while
      // climbing from each comment are constant per comment).
      for (const name of ['querySelector', 'querySelectorAll'] as const) {
        const original = post[name].bind(post) as (...a: unknown[]) => unknown;
        (post as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
          count += 1;
          return original(...a);
        };
      }
      const comments = vkAdapter.findItems(post).filter((i) => i.kind === 'comment');
      expect(comments).toHaveLength(n);
      expect(comments[0]).toMatchObject({ key: 'vk:wall-5_9_r1000', parentKey: 'vk:wall-5_9' });
      return count;
    };
    // The post is read a fixed number of times, however long the thread.
    expect(queriesFor(400)).toBe(queriesFor(20));
  });
});
