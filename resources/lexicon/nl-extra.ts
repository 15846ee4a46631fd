/**
 * Dutch sentiment words Pattern's lexicon does not have (it lists adjectives only) or gets wrong
 * for social media, written for this project from general knowledge of Dutch: nouns, verbs,
 * interjections, slang, swearing, customer-service and news vocabulary, and the English loanwords
 * Dutch posts use. Valence on VADER's scale: -4 (extremely negative) … +4 (extremely positive).
 * An entry here wins over Pattern. Inflected forms are found by the morphology (storing →
 * storingen, treinstoring), so list the lemma.
 */
const positive = `
  dank:2 bedankt:2 dankjewel:2.2 dankuwel:2.2 dankje:2 bedank:1.8 bedanken:1.8 dankbaar:2.2 dankbaarheid:2.2 hulde:2.5
  chapeau:2.5 respect:2 bravo:2.5 proficiat:2.5 gefeliciteerd:2.5 felicitaties:2.5 feliciteren:2 feliciteer:2
  succes:2 succesvol:2.2 geluk:2 gelukkig:2.2 blijdschap:2.5 vreugde:2.5 plezier:2 genieten:2.2 geniet:2.2 genoten:2.2
  trots:2 liefde:2.5 lief:1.8 top:2.2 toppie:2.2 topper:2.5 held:2 kanjer:2.2 knap:1.5 goedzo:2 welkom:1.5
  steun:1 steunen:1 hoop:1 hopelijk:1 gelukt:1.8 gewonnen:2 winst:1.2 winnen:1.5 overwinning:2 feest:2 gezellig:2.5
  gezelligheid:2.5 heerlijk:2.8 lachen:1.5 haha:1.5 hahaha:1.8 hihi:1 jeej:2 joepie:2.5 hoera:2.5 hoezee:2 woehoe:2
  wauw:2 perfect:2.8 uitstekend:2.8 aanrader:2.5 aanbevolen:1.5 tevreden:2 opgelucht:1.5 opluchting:1.5 bewondering:2
  waardering:2 waarderen:2 waardeer:2 compliment:2 complimenten:2 vakwerk:2 veilig:1 gezond:1.2 verbetering:1.5
  verbeterd:1.5 vooruitgang:1.5 oplossing:1.2 opgelost:1.8 behulpzaam:2 hartelijk:2 hartverwarmend:2.8 ontroerend:1.5
  inspirerend:2.5 indrukwekkend:2.2 knuffel:2 solidariteit:1.5 solidair:1.5 gratis:0.8 fantastisch:2.8 edel:1.5
  stralend:2 schitterend:2.8 bijzonder:1 speciaal:1 genieten:2.2 fijn:1.8 mooi:2.1 leuk:2 lekker:1.8 sterk:1.2
  sympathiek:1.8 vriendelijk:1.8 attent:1.8 snel:0.6 vlot:1 beter:1.2 beterschap:1.5 enthousiast:2 hartelijk:2
  applaus:2 felicitatie:2.5 gaaf:2.5 vet:1.5 tof:2.2 cool:1.8 nice:2 chill:1.5 relaxed:1.5 lovely:2.5 love:2.5
  awesome:2.8 amazing:2.8 epic:2 great:2.5 happy:2.2 yes:1.2 yay:2 thanks:2 thx:2 fun:1.8 cute:2 sweet:1.8 win:1.5
  winner:2 lol:1.5 omg:0.5 wow:2 wow:2 hype:0.8 helpen:0.5 hulp:0.5 geholpen:1 vrolijk:2.2 blij:2 verheugd:2.2
  hoopvol:1.8 veelbelovend:2 gelukwensen:2 dapper:2 moedig:2 zorgzaam:2 krachtig:1.2 waardevol:2 gefikst:1.5
  superblij:3 dolblij:3 opgetogen:2.5 verrast:1 genieten:2.2 smullen:2.2 smakelijk:2 lekkerste:2.8 mooiste:2.8
  leukste:2.8 beste:2.2 toppertje:2.5 kampioen:2 kampioenen:2 gewonnen:2 juichen:2 gejuich:2 plezierig:2
  prachtig:3 geweldig:2.8 super:2.5 prima:1.8 goed:1.9 oke:0.5 oké:0.5 ok:0.5 okay:0.5 bedankje:1.8 dankwoord:1
  beschermen:1 bescherming:1 samenwerking:1.2 samenwerken:1.2 volhouden:1 vooruit:1 verdient:0.8
  respecteren:1.2 ondersteunen:1 ondersteuning:1 inzet:1.2 betrokken:1.2 betrokkenheid:1.2 saamhorigheid:2
  veerkracht:1.8 moed:1.5 beloning:1 verbeteren:1.2 vrijheid:1.5 rechtvaardig:1.5
  vieren:2 viering:1.8 jubileum:1.5 hoogtepunt:2 mijlpaal:2 doorbraak:2 sterkte:1
  bevallen:1.5 bevalt:1.5 beviel:1.5 welverdiend:2 verdiend:1 terecht:1 eerlijk:1.5 duidelijk:0.5 handig:1.5 makkelijk:1.2 gemakkelijk:1.2 comfortabel:1.5
`;

const negative = `
  helaas:-1.8 jammer:-1.8 balen:-2 baal:-2 gebaald:-2 klote:-2.8 kut:-2.8 kanker:-2.5 tering:-2.5 tyfus:-2.5
  godverdomme:-2.5 verdomme:-2 shit:-2.2 fuck:-2.5 fucking:-2 wtf:-2 damn:-1.5 pff:-1.2 pfff:-1.4 zucht:-1.5 grr:-1.8
  argh:-1.8 bah:-1.8 jakkes:-2 getver:-2 boos:-2.2 kwaad:-2 woedend:-2.8 woest:-2 irritant:-2.2 irritatie:-2
  ergernis:-2 ergeren:-2 erger:-1.5 ergste:-2.5 vervelend:-2 teleurgesteld:-2.2 teleurstelling:-2.2
  teleurstellend:-2.2 stom:-2 dom:-1.8 belachelijk:-2.5 schandalig:-3 schande:-2.8 schandaal:-2.5 waardeloos:-3
  slecht:-2.2 slechtste:-3 bagger:-2.5 ruk:-2.2 kapot:-1.8 defect:-1.8 storing:-1.8 vertraging:-1.5 vertraagd:-1.5
  uitval:-1.5 uitgevallen:-1.5 onbereikbaar:-1.8 probleem:-1.5 klacht:-1.5 klagen:-1.5 fout:-1.5 mislukt:-2.2
  faal:-2.2 falen:-2 gefaald:-2.2 faalt:-2.2 fail:-2 drama:-2 chaos:-2 ramp:-2.8 rampzalig:-3 ellende:-2.5
  ellendig:-2.5 crisis:-1.2 angst:-2 bang:-1.8 zorgelijk:-1.8 zorgwekkend:-2.2 bezorgd:-1.5 ziek:-1.8 ziekte:-1.2
  pijn:-2 pijnlijk:-2 verdriet:-2.5 verdrietig:-2.5 triest:-2 droevig:-2 huilen:-2 rouw:-1.8 overleden:-1.5
  overlijden:-1.5 dood:-1.8 doden:-1.8 slachtoffer:-2 gewond:-2 ongeluk:-2 aanslag:-2.5 geweld:-2.5 moord:-3
  oorlog:-2.5 haat:-3 haten:-3 hekel:-2.2 walgelijk:-3 vies:-2 smerig:-2.2 onzin:-2 gezeur:-2 zeuren:-1.8
  gedoe:-1.5 gezeik:-2.2 zeiken:-2 lul:-2 klootzak:-3 idioot:-2.5 debiel:-2.5 sukkel:-2 oplichter:-2.8
  oplichting:-2.8 opgelicht:-2.8 nep:-1.5 leugen:-2.2 liegen:-2.2 gelogen:-2.2 leugenaar:-2.5 onterecht:-1.8
  oneerlijk:-2 onacceptabel:-2.5 onaanvaardbaar:-2.5 onbegrijpelijk:-1.8 onbeschoft:-2.5 respectloos:-2.5
  onveilig:-2 gevaarlijk:-2 gevaar:-1.8 schade:-1.8 verlies:-1.8 verloren:-1.8 verliezen:-1.5 duur:-0.8 wachttijd:-1.2
  file:-1.2 bedrogen:-2.5 spijt:-1.8 sorry:-0.8 moe:-1.2 saai:-1.8 stress:-1.8 lastig:-1.2 moeilijk:-1 zwaar:-1
  eenzaam:-2 ontslagen:-2 ontslag:-1.5 werkloos:-1.8 armoede:-2.2 honger:-1.8 dakloos:-1.8 discriminatie:-2.5
  racisme:-2.8 onrecht:-2.5 tekort:-1.5 achterstand:-1.2 afsluiting:-0.6 overlast:-2 hinder:-1.2 lekkage:-1.8
  lek:-1.2 klachten:-1.5 vastgelopen:-1.8 vastlopen:-1.8 crash:-2 gecrasht:-2 traag:-1.8 langzaam:-1 haperen:-1.5
  hapert:-1.5 kwijt:-1.2 vermist:-1.5 gestolen:-2.2 diefstal:-2.2 inbraak:-2.2 vandalisme:-2.2 fraude:-2.5
  corruptie:-2.5 misbruik:-2.5 bedreiging:-2.5 dreiging:-1.8 ruzie:-2 conflict:-1.5 agressie:-2.5 agressief:-2.2
  hufter:-2.8 hufters:-2.8 tuig:-2.8 schorem:-2.8 minkukel:-2 lelijk:-2 vreselijk:-2.8 verschrikkelijk:-2.8
  afschuwelijk:-3 erg:-1.2 zielig:-1.5 treurig:-2 sneu:-1.5 somber:-1.5 wanhoop:-2.5 wanhopig:-2.5 paniek:-2
  hate:-2.8 sad:-2 sucks:-2.5 worst:-3 boring:-2 awkward:-1.2 fake:-1.8 weird:-1 rip:-1.5 annoying:-2 fml:-2.5
  ugh:-1.8 meh:-1 mwah:-0.8 tja:-0.5 zonde:-1.8 boete:-1.5 boetes:-1.5 verbod:-1 rommel:-1.8
  troep:-1.8 zooi:-1.8 puinhoop:-2.5 wanorde:-2 mislukking:-2.5 blunder:-2 flater:-2 schaamte:-2 beschamend:-2.5
  gênant:-2 genant:-2 pijnlijk:-2 kritiek:-1.2 protest:-1 woede:-2.5 frustratie:-2 gefrustreerd:-2.2 frustrerend:-2.2
  onhandig:-1.2 onduidelijk:-1.2 onduidelijkheid:-1.2 verwarring:-1.2 uitstel:-1 geannuleerd:-1.5 annulering:-1.2
  absurd:-2 bizar:-1.5 schokkend:-2.2 krankzinnig:-2.2 kwalijk:-2 onverantwoord:-2.2 onwenselijk:-1.5 weigert:-1.2
  weigeren:-1.2 geweigerd:-1.5 gebrek:-1.2 tekortschieten:-2 nalatig:-2 onbeschoft:-2.5 arrogant:-2 hypocriet:-2.5
  bezorgdheid:-1.5 tekortkoming:-1.5 dreigen:-1.2 dreigt:-1.2 ontoereikend:-1.8 onvoldoende:-1.8
    bezuiniging:-1.2 bezuinigen:-1.2 faillissement:-2 krimp:-1 
      onrust:-1.5 negeren:-1.5 genegeerd:-1.8 misleiden:-2.2
  misleidend:-2.2 ongelijkheid:-1.5 achteruitgang:-1.5 verslechtering:-1.5 verslechterd:-1.5 verbijsterd:-2
  geschokt:-2.2 stuitend:-2.5 onthutsend:-2.2 bedroevend:-2.2 verontwaardigd:-1.8 nepnieuws:-1.8 propaganda:-1.5
  haatzaaien:-2.5 bedreigd:-2.2 intimidatie:-2.2 criminaliteit:-2 criminelen:-2 vervuiling:-1.8 lawaai:-1.2
  herrie:-1.2 stank:-1.8 zwerfafval:-1.5 staking:-1 ongeval:-2
  afgelast:-1.5 onbetaalbaar:-2 tegenvaller:-1.8 tegenvallend:-1.8 slachtoffers:-2 kritisch:-0.8 ontevreden:-2.2
`;

/**
 * Frequent words that Pattern lists for a rare sense ("naar" = nasty, "juist" = right, "waar" =
 * true) but that in posts are nearly always a preposition, adverb or plain description: valence 0.
 */
const neutral = `
  naar juist waar zeker eens normaal precies natuurlijk extra nodig groot klein stil mis vol open hoog laag lang kort
  tijdelijk mogelijk nieuw oud echt heel zeer zo wel gewoon eigen ander enkel enig gelijk vast vrij bepaald
  totaal direct recht rechts links zwart wit rood blauw groen geel oranje net laat vroeg wees later
`;

function parse(block: string): [string, number][] {
  return block
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const at = pair.lastIndexOf(':');
      return [pair.slice(0, at), Number(pair.slice(at + 1))] as [string, number];
    });
}

export const NL_EXTRA: ReadonlyMap<string, number> = new Map([
  ...parse(positive),
  ...parse(negative),
  ...neutral
    .trim()
    .split(/\s+/)
    .map((w) => [w, 0] as [string, number]),
]);
