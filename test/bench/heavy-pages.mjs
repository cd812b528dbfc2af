// @ts-check
/**
 * Heavy generated pages for the page-cost benchmark (chromium-page-cost.mjs) and the long-wall
 * end-to-end test (test/e2e/long-wall.test.ts): a modern VK community wall, a legacy (2012)
 * VK wall and an OK group feed, each of `posts` posts with `comments` comments under every
 * post, a photo grid and an action bar, and one comment composer in the first post. Written
 * from the selector tables in ../shared/docs/vk-ok-dom.md (§2, §3) like the fixtures in
 * test/fixtures/. The pages run no script of their own, so every cost the content script adds
 * shows in full. Names and texts are invented; every text goes through esc().
 *
 * 200 posts × 10 comments: modern VK ≈ 28,600 elements, 2,200 items.
 */

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NAMES = ['Ольга Белова', 'Игорь Лебедев', 'Николай Орлов', 'Мария Сидорова', 'Анна Кузнецова', 'Пётр Иванов', 'Елена Попова', 'Сергей Новиков'];
const TEXTS = [
  'Третий день нет горячей воды в домах по улице Садовой. Куда обращаться?',
  'Яма на дороге у школы №3 уже неделю, дети обходят её по проезжей части.',
  'Не работает уличное освещение на ул. Мира, вечером очень темно.',
  'Автобус №12 ходит с опозданием на полчаса, нельзя ли добавить рейсов?',
  'Протекает крыша в доме 8 по ул. Садовой, управляющая компания не отвечает.',
];
const COMMENTS = [
  'У нас тоже так, звонили — никто не берёт трубку.',
  'Спасибо, передали в службу.',
  'Когда уже сделают?',
  'Поддерживаю, сколько можно ждать.',
  'Вот фото, всё залито.',
];

/** @param {number} n */
const name = (n) => NAMES[n % NAMES.length] ?? '';
/** @param {number} n */
const postText = (n) => `${TEXTS[n % TEXTS.length]} Обращение №${n}.`;
/** @param {number} n */
const commentText = (n) => `${COMMENTS[n % COMMENTS.length]} (${n})`;
const TS = 1763900000;

/**
 * @typedef {{ posts?: number, comments?: number }} Size
 * comments: per post; on VK every other one is a reply in the thread of the one before.
 */

const VK_STYLE = `
  body { font: 13px/1.5 -apple-system, Roboto, Arial, sans-serif; background: #edeef0; margin: 0; }
  .page { max-width: 620px; margin: 0 auto; padding: 16px; }
  [data-testid="post"] { background: #fff; border-radius: 12px; padding: 12px 16px; margin-bottom: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  [data-testid="post_header"] { display: flex; align-items: center; gap: 8px; min-height: 44px; }
  a { color: #2a5885; text-decoration: none; }
  [data-testid="post-header-title"], [data-testid="comment-owner"] { font-weight: 600; }
  .sub { color: #818c99; font-size: 12px; }
  .avatar { width: 32px; height: 32px; border-radius: 50%; background: #c5d0db; display: inline-block; flex: none; }
  .grid { display: flex; gap: 4px; margin: 8px 0; }
  .grid a { flex: 1; height: 90px; background: linear-gradient(135deg, #9bb, #cdd); border-radius: 6px; }
  .grid img { display: none; }
  .actions { display: flex; gap: 16px; padding: 8px 0; border-bottom: 1px solid #e7e8ec; color: #818c99; }
  .actions span { display: inline-flex; gap: 4px; align-items: center; }
  .actions i { width: 16px; height: 16px; background: #c5d0db; border-radius: 4px; display: inline-block; }
  .comment { display: flex; gap: 8px; margin: 10px 0; flex-wrap: wrap; }
  .comment-body { flex: 1; min-width: 0; }
  .comment-footer { color: #818c99; font-size: 12px; display: flex; gap: 12px; align-items: center; }
  .comment-footer a { color: inherit; }
  [data-testid="wall_comments_layout_thread"] { margin-left: 40px; flex-basis: 100%; }
  button { font: inherit; }
  [data-testid="comment-reply"] { border: 0; background: none; color: #818c99; cursor: pointer; padding: 0; }
  .vkitCommentInput__root--k3J9s { display: flex; gap: 8px; align-items: flex-end; margin-top: 12px; border-top: 1px solid #e7e8ec; padding-top: 12px; }
  [data-testid="content-editable-input"] { flex: 1; min-height: 36px; border: 1px solid #d3d9de; border-radius: 18px; padding: 8px 12px; outline: none; white-space: pre-wrap; }
  [data-testid="send-comment"] { background: #2787f5; color: #fff; border: 0; border-radius: 16px; padding: 8px 14px; }
`;

/** @param {number} owner @param {number} post @param {number} id @param {number} [thread] */
function vkComment(owner, post, id, thread) {
  const who = name(id);
  const slug = `/id${1000 + (id % 500)}`;
  const testid = thread ? 'wall_comments_comment_in_thread' : 'wall_comments_comment_root';
  const href = `/wall-${owner}_${post}?reply=${id}${thread ? `&amp;thread=${thread}` : ''}`;
  return `<div data-testid="${testid}" id="comment-${owner}_${id}" class="comment">
<a data-testid="comment-avatar" href="${slug}" class="avatar"></a>
<div class="comment-body"><a data-testid="comment-owner" href="${slug}">${esc(who)}</a>
<div data-testid="comment-text"><div data-testid="showmoretext-in">${esc(commentText(id))}</div></div>
<div class="comment-footer"><a data-testid="wall_comment_date" href="${href}"><span data-ts="${TS + id}">сегодня в 10:${String(id % 60).padStart(2, '0')}</span></a><button data-testid="comment-reply" type="button">Ответить</button><span class="like">${id % 7}</span></div></div>`;
}

/** Modern VK (React/VKUI data-testid hooks), a community wall at /club<owner>. @param {Size} [size] */
export function vkWall({ posts = 200, comments = 10 } = {}, owner = 100) {
  const out = [];
  for (let p = 0; p < posts; p++) {
    const post = 1000 + p;
    const body = [];
    for (let c = 0; c < comments; c++) {
      const id = post * 100 + c;
      // Even: a top-level comment with its thread; odd: a reply in the thread of the one before.
      if (c % 2 === 0) {
        const reply = c + 1 < comments ? `${vkComment(owner, post, id + 1, id)}</div>` : '';
        body.push(`${vkComment(owner, post, id)}<div data-testid="wall_comments_layout_thread">${reply}</div></div>`);
      }
    }
    const composer =
      p === 0
        ? `<div class="vkitCommentInput__root--k3J9s"><span class="avatar"></span><div data-testid="content-editable-input" contenteditable="true" role="textbox" aria-label="Написать комментарий..."></div><button data-testid="send-comment" type="button">Отправить</button></div>`
        : '';
    out.push(`<div data-testid="post"><div data-post-id="-${owner}_${post}" data-post-nesting-lvl="0">
<div data-testid="post_header"><span class="avatar"></span><div><a data-testid="post-header-title" href="/id${500 + (p % 40)}">${esc(name(p))}</a>
<div class="sub"><a data-testid="post_date_block_preview" href="/wall-${owner}_${post}"><span data-ts="${TS + p * 60}">${p + 1} ч назад</span></a></div></div></div>
<div data-testid="post-content-container"><div class="vkitPostText__root--x7Q2a" data-testid="showmoretext-in">${esc(postText(p))}</div>
<div class="grid"><a href="/photo-${owner}_${post}1"><img alt=""></a><a href="/photo-${owner}_${post}2"><img alt=""></a><a href="/photo-${owner}_${post}3"><img alt=""></a></div></div>
<div class="actions"><span data-testid="post_footer_action_like"><i></i>${p % 17}</span><span data-testid="post_footer_action_comment" aria-label="${comments} комментариев"><i></i>${comments}</span><span data-testid="post_footer_action_share"><i></i>${p % 5}</span><span class="sub"><i></i>${100 + p}</span></div>
</div>
<div data-testid="wall_comments_layout_root">${body.join('\n')}</div>${composer}</div>`);
  }
  return page(
    'Заречье — официально | ВКонтакте',
    VK_STYLE,
    `<div class="page"><h1 style="font-size:18px">Заречье — официально</h1><div id="page_wall_posts">${out.join('\n')}</div></div>`,
  );
}

const LEGACY_STYLE = `
  body { font: 11px/1.45 Tahoma, Arial, sans-serif; background: #fff; margin: 0; }
  #page_wall_posts { max-width: 600px; margin: 0 auto; padding: 16px; }
  .post { border-bottom: 1px solid #e7e8ec; padding: 10px 0; }
  .post_table, .reply_table { display: flex; gap: 8px; }
  .post_image img, .reply_image img { width: 50px; height: 50px; background: #c5d0db; display: block; }
  .post_info, .reply_info { flex: 1; min-width: 0; }
  a { color: #2b587a; text-decoration: none; }
  a.author { font-weight: bold; }
  .page_post_sized_thumbs { display: flex; gap: 4px; margin: 6px 0; }
  .page_post_sized_thumbs a { flex: 1; height: 80px; background: linear-gradient(135deg, #9bb, #cdd); }
  .reply { padding: 6px 0; border-top: 1px solid #f0f2f5; }
  .info_footer, .reply_link_wrap { color: #999; }
  .info_footer a, .reply_link_wrap a { color: #999; }
  .reply_form { display: flex; gap: 8px; padding-top: 8px; }
  .reply_field { flex: 1; min-height: 30px; border: 1px solid #c0cad5; padding: 4px; outline: none; white-space: pre-wrap; }
`;

/** Legacy VK (the 2012 server-rendered wall: div.post, .reply, .wd_lnk), at /club<owner>. @param {Size} [size] */
export function vkLegacyWall({ posts = 200, comments = 10 } = {}, owner = 100) {
  const out = [];
  for (let p = 0; p < posts; p++) {
    const post = 1000 + p;
    const replies = [];
    for (let c = 0; c < comments; c++) {
      const id = post * 100 + c;
      replies.push(`<div id="post-${owner}_${id}" class="reply reply_dived clear"><div class="reply_table">
<a class="reply_image" href="/id${1000 + (id % 500)}"><img alt=""></a>
<div class="reply_info"><div class="reply_text"><a class="author" href="/id${1000 + (id % 500)}" data-from-id="${1000 + (id % 500)}">${esc(name(id))}</a>
<div class="wall_reply_text">${esc(commentText(id))}</div></div>
<div class="info_footer"><a class="wd_lnk" href="/wall-${owner}_${post}?reply=${id}"><span class="rel_date" time="${TS + id}">сегодня в 10:${String(id % 60).padStart(2, '0')}</span></a> <a class="reply_link">Ответить</a></div></div></div></div>`);
    }
    const composer =
      p === 0
        ? `<div class="reply_form"><input type="hidden" id="reply_to-${owner}_${post}" value=""><div id="reply_field-${owner}_${post}" class="reply_field" contenteditable="true" role="textbox" aria-label="Ваш комментарий..."></div></div>`
        : '';
    out.push(`<div id="post-${owner}_${post}" class="post all"><div class="post_table">
<div class="post_image"><a class="post_image" href="/id${500 + (p % 40)}"><img alt=""></a></div>
<div class="post_info"><div class="wall_text"><a class="author" href="/id${500 + (p % 40)}">${esc(name(p))}</a> <div id="wpt-${owner}_${post}"><div class="wall_post_text">${esc(postText(p))}</div>
<div class="page_post_sized_thumbs"><a href="/photo-${owner}_${post}1"></a><a href="/photo-${owner}_${post}2"></a><a href="/photo-${owner}_${post}3"></a></div></div></div>
<div class="replies"><div class="reply_link_wrap"><small><a href="/wall-${owner}_${post}"><span class="rel_date" time="${TS + p * 60}">${p + 1} ч назад</span></a></small></div>
<div class="replies_wrap clear"><div id="replies-${owner}_${post}">${replies.join('\n')}</div></div>${composer}</div></div></div></div>`);
  }
  return page('Заречье — официально', LEGACY_STYLE, `<div id="page_wall_posts" class="wall_posts all">${out.join('\n')}</div>`);
}

const OK_STYLE = `
  body { font: 13px/1.5 Arial, sans-serif; background: #f0f0f0; margin: 0; }
  .feed-list { max-width: 600px; margin: 16px auto; }
  .feed-w { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
  .feed_top { display: flex; gap: 8px; align-items: center; min-height: 40px; }
  a { color: #ee8208; text-decoration: none; }
  a.user-link, a.group-link, .comments_author-name { font-weight: bold; }
  .media-text_cnt_tx { margin: 8px 0; }
  .collage { display: flex; gap: 4px; }
  .collage a { flex: 1; height: 90px; background: linear-gradient(135deg, #eb8, #fdc); }
  .collage img { display: none; }
  .feed_actions { display: flex; gap: 16px; padding: 8px 0; color: #999; }
  .comments_lst_cnt > div { border-top: 1px solid #eee; padding: 8px 0; }
  .comments_i { display: flex; flex-direction: column; gap: 2px; }
  .meta { color: #999; font-size: 12px; }
  .comments_add-ceditable { min-height: 34px; border: 1px solid #ccc; border-radius: 6px; padding: 6px 10px; outline: none; white-space: pre-wrap; }
`;

/** OK group feed: .feed-w posts with their discussion (hook blocks) under each, at /group/<group>. @param {Size} [size] */
export function okFeed({ posts = 200, comments = 10 } = {}, group = 300) {
  const out = [];
  for (let p = 0; p < posts; p++) {
    const topic = 700000 + p;
    const list = [];
    for (let c = 0; c < comments; c++) {
      const id = topic * 100 + c;
      list.push(`<div id="hook_Block_CommentItem${id}"><div class="comments_i" data-seen-params='{"data":{"commentId":"${id}"}}'>
<a class="comments_author-name o" href="/profile/${910000 + (id % 500)}"><span>${esc(name(id))}</span></a>
<span class="js-text-full">${esc(commentText(id))}</span>
<span class="meta"><span class="comments_date" data-time="${(TS + id) * 1000}">сегодня 09:${String(id % 60).padStart(2, '0')}</span> · <span data-l="t,reply" role="button" tabindex="0">Ответить</span> <span class="like">${id % 7}</span></span></div></div>`);
    }
    const composer =
      p === 0
        ? `<div class="comments_add"><form class="comments_add-form"><div class="itx js-comments_add js-ok-e comments_add-ceditable" contenteditable="true" id="field_comment_${topic}" data-placeholder="Напишите комментарий…" role="textbox" aria-label="Напишите комментарий"></div></form></div>`
        : '';
    out.push(`<div class="feed-w"><div class="feed h-mod" data-seen-params='{"data":{"topicId":"${topic}"}}'>
<div class="feed_top"><a class="user-link o" href="/profile/${910000 + p}">${esc(name(p))}</a> <span class="meta">в группе</span> <a class="group-link o" href="/group/${group}">Администрация города</a></div>
<div class="media-text_cnt"><div class="media-text_cnt_tx emoji-tx textWrap">${esc(postText(p))}</div></div>
<div class="collage"><a href="/group/${group}/photo/${topic}1"><img alt=""></a><a href="/group/${group}/photo/${topic}2"><img alt=""></a><a href="/group/${group}/photo/${topic}3"><img alt=""></a></div>
<div class="feed_actions"><a class="feed_date meta" href="/group/${group}/topic/${topic}"><span data-time="${(TS + p * 60) * 1000}">${p + 1} ч назад</span></a><span class="meta">Класс ${p % 13}</span><span class="meta">Комментарии ${comments}</span></div>
<div class="mlr_disc"><div class="comments_lst_cnt">${list.join('\n')}</div>${composer}</div></div></div>`);
  }
  return page('Администрация города | OK', OK_STYLE, `<div id="hook_Block_MainFeedsNewFeed"><div class="feed-list">${out.join('\n')}</div></div>`);
}

/** @param {string} title @param {string} style @param {string} body */
function page(title, style, body) {
  return `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${style}</style></head><body>${body}</body></html>\n`;
}

/**
 * The generated pages by name, with the address each is served at on its site, the number of
 * items the adapter finds there and the selector of its reply box.
 * @type {Record<string, { html: (size?: Size) => string, path: string, site: 'vk' | 'ok', items: (size?: Size) => number, replyBox: string }>}
 */
export const HEAVY_PAGES = {
  vk: {
    html: (s) => vkWall(s),
    path: '/club100',
    site: 'vk',
    items: ({ posts = 200, comments = 10 } = {}) => posts * (1 + comments),
    replyBox: '[data-testid="content-editable-input"]',
  },
  'vk-legacy': {
    html: (s) => vkLegacyWall(s),
    path: '/club100',
    site: 'vk',
    items: ({ posts = 200, comments = 10 } = {}) => posts * (1 + comments),
    replyBox: '[id^="reply_field"]',
  },
  ok: {
    html: (s) => okFeed(s),
    path: '/group/300',
    site: 'ok',
    items: ({ posts = 200, comments = 10 } = {}) => posts * (1 + comments),
    replyBox: '.comments_add-ceditable',
  },
};
