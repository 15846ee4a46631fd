/**
 * Emoji and emoticons with a valence on VADER's scale (-4 … +4), for every language. A small
 * table written for this project by reading each symbol's usual meaning in posts; skin-tone
 * modifiers and variation selectors are stripped before lookup. Symbols not listed (flags,
 * objects, arrows) carry no sentiment.
 */
const EMOJI_TEXT = `
  😀:2 😃:2.2 😄:2.2 😁:2 😆:2 😅:0.8 🤣:2 😂:1.8 🙂:1.2 😊:2.2 😇:1.8 🥰:3 😍:3 🤩:3 😘:2.5 😗:1.5 😚:2 😙:1.8
  🥲:0.5 😋:2 😛:1.2 😜:1.2 🤪:1 😝:1 🤗:2.2 🤭:0.8 😎:1.8 🥳:2.8 😏:0.2 😌:1.5 🤤:1 😴:-0.3 🤓:0.5
  😐:-0.3 😑:-0.8 😶:-0.3 🙄:-1.8 😒:-1.8 😬:-1 🤥:-1.5 😔:-1.8 😪:-1 😷:-0.8 🤒:-1.5 🤕:-1.5 🤢:-2.2 🤮:-2.5
  🥵:-0.8 🥶:-0.8 😵:-1.2 🤯:-0.5 🤠:1.2 😕:-1.2 🫤:-1.2 😟:-1.8 🙁:-1.5 ☹:-2 😮:-0.3 😯:-0.3 😲:-0.3 😳:-0.8
  🥺:-0.8 😦:-1.5 😧:-1.8 😨:-2 😰:-2 😥:-1.5 😢:-2.2 😭:-2.2 😱:-2 😖:-2 😣:-1.8 😞:-2.2 😓:-1.5 😩:-2.2 😫:-2.2
  🥱:-1 😤:-2 😡:-3 😠:-2.8 🤬:-3.2 😈:-0.5 👿:-2.2 💀:-0.5 ☠:-1.8 💩:-2 🤡:-1.5 👹:-1.5 👺:-1.5
  ❤:2.5 🧡:2.2 💛:2.2 💚:2.2 💙:2.2 💜:2.2 🖤:0.5 🤍:1.8 🤎:1.5 💔:-2.5 💕:2.5 💞:2.5 💓:2.5 💗:2.5 💖:2.5 💘:2.2
  💝:2.2 💟:2 ❣:2 💯:2 💢:-2 💥:0 💫:1 💪:1.8 👍:2 👎:-2.2 👏:2 🙌:2.2 🙏:1.5 🤝:1.5 👌:1.8 ✌:1.2 🤞:1 👊:0.5
  🖕:-3 🤦:-1.8 🤷:-0.5 🎉:2.5 🎊:2.5 🥂:2 🍾:2 🍻:1.5 🍺:0.8 🏆:2.2 🥇:2.2 ⭐:1.5 🌟:2 ✨:1.5 🔥:1.5 🌈:1.5
  ☀:1.2 🌞:1.5 🌹:1.8 💐:2 🌸:1.5 🎈:1.5 🎁:1.8 ✅:1.5 ✔:1 ❌:-1.5 ⛔:-1.5 🚫:-1.5 ⚠:-1 😺:1.5 😸:2 😹:1.8
  😻:2.5 😿:-2 😾:-2 🙃:-0.5 🫶:2.5 🫠:-0.5 😮‍💨:-1.2 😶‍🌫️:-0.5 🤨:-0.8 🧐:-0.2 🤔:-0.2 🤐:-0.5 🥴:-0.8
`;

const EMOTICON_TEXT = `
  :):2 :-):2 :]:2 =):2 :D:2.5 :-D:2.5 =D:2.5 xD:2 XD:2 xDD:2.2 XDD:2.2 ;):1.5 ;-):1.5 ;D:2 :P:1 :-P:1 :p:1 :-p:1
  <3:2.5 <33:2.8 <333:3 ^^:1.5 ^_^:1.8 :*:2 :-*:2 :(:-2 :-(:-2 =(:-2 :'(:-2.5 :((:-2.5 :/:-1 :-/:-1 :\\:-1 :|:-0.8
  :-|:-0.8 :O:-0.3 :o:-0.3 :@:-2.5 </3:-2.5 )::-2 (::1.8
`;

function parse(block: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pair of block.trim().split(/\s+/)) {
    const at = pair.lastIndexOf(':');
    const value = Number(pair.slice(at + 1));
    if (at > 0 && !Number.isNaN(value)) out.set(pair.slice(0, at), value);
  }
  return out;
}

export const EMOJI: ReadonlyMap<string, number> = parse(EMOJI_TEXT);
export const EMOTICONS: ReadonlyMap<string, number> = parse(EMOTICON_TEXT);
