/**
 * The most frequent function words (articles, pronouns, prepositions, auxiliaries, particles) of
 * Dutch, English and the languages most often confused with them in Dutch timelines. Written for
 * this project from general grammar knowledge; no corpus was copied. A word listed under several
 * languages counts as evidence for each of them, split evenly.
 */
export const FUNCTION_WORDS: Record<string, string> = {
  nl: `de het een en van in is dat op te zijn voor met niet aan er maar om ook als dan bij nog wat of uit door naar ik
    je jij we wij ze zij hij u mijn jouw ons onze hun haar was waren wordt worden werd kan kunnen moet moeten zal zullen
    wil willen heb hebt heeft hebben had gaat gaan ga ging al wel geen meer veel zo hier daar nu toen waar waarom hoe wie
    welke deze dit die over tot tegen zonder tussen onder boven na toch even weer nooit altijd iets niets niks niemand
    iemand alles echt heel erg zeer jullie hem hen me mij jou zich elkaar dus omdat want terwijl wanneer nou hè joh ja nee
    eens misschien gewoon alleen samen steeds vandaag morgen gisteren graag bedankt goed mooi leuk lekker fijn 't 'k z'n
    m'n d'r zo'n zou zouden doen doet deed gedaan gaan komt komen kwam gekomen krijg krijgt kregen zeggen zegt zei
    weet weten vind vindt vond denk denkt dacht kijk kijken zie ziet zag beetje wordt even effe ff welkom weg klaar
    allemaal iedereen jongens hoor hoi doei dag avond ochtend middag uur keer eigenlijk natuurlijk inderdaad helaas
    hou houd volgens sinds bijna zelfs vooral verder waarin waarmee daarom daarna daarbij ermee erover hierover moeten mogen mag`,
  en: `the a an and or but of to in on at for with from by about as is are was were be been being am do does did have has
    had will would can could should may might must not no yes this that these those it its i you he she we they me him
    her us them my your his our their what which who whom whose why how when where there here than then so if because
    just very really too also all any some more most much many only same such up down out over again off into through
    during before after above below between under while until both each few other nor now ever never always get got go
    going gone make made know think see want like thanks thank please lol omg it's don't i'm can't doesn't didn't isn't
    won't i've you're that's there's let's anyone someone everyone anything something nothing still yet even though
    today tomorrow tonight yesterday morning night week time good great bad love hate well guys folks everything`,
  de: `der die das und ist nicht ich du er sie es wir ihr mit auf für von zu den dem des ein eine einen einem einer im ins
    am zum zur auch noch nur schon sehr aber oder wenn dass weil wie was wer warum wo hier da dann jetzt heute morgen
    gestern mal doch ja nein kein keine nichts alles viel mehr immer wieder bin bist sind war waren hat haben hatte
    wird werden kann können muss müssen soll will man sich mein meine dein sein seine unser euer mich dich uns euch ihm
    ihn ihnen bei nach aus über unter vor gegen ohne um durch bis seit gut danke bitte schön echt wirklich einfach also
    so weiß jemand zusammen guten tag abend`,
  fr: `le la les un une des du de et est sont être avoir a ai as avons ont en dans sur pour par avec sans sous ce cet
    cette ces qui que quoi où quand comment pourquoi je tu il elle on nous vous ils elles me te se moi toi lui leur
    leurs mon ma mes ton ta tes son sa ses notre nos votre vos pas ne plus très bien tout tous toute toutes aussi mais ou
    donc car si oui non merci bonjour c'est j'ai au aux était fait faire peut encore toujours jamais rien trop vraiment
    beaucoup quelqu'un pourquoi demain soir journée`,
  es: `el la los las un una unos unas de del y e o u que en es son está están ser estar por para con sin sobre pero más
    muy ya también no sí yo tú él ella nosotros ellos me te se le lo les mi mis tu tus su sus nuestro este esta estos
    estas ese esa eso aquí allí hoy mañana qué cómo cuándo dónde porque cuando donde hay todo todos nada gracias hola
    bien mal otra otro vez como al alguien sabe muchas buenos días noche`,
  it: `il lo la i gli le un uno una di del della dei degli delle e è sono che non per con su da in al alla nel nella ma
    anche più molto ci mi ti si io tu lui lei noi voi loro questo questa quello come perché quando dove grazie ciao bene
    tutto oggi domani ancora sempre mai già mille bella serata`,
  pt: `o a os as um uma de do da dos das e é são que não em no na nos nas por para com sem mas mais muito também eu tu
    ele ela nós eles elas me te se meu minha seu sua este esta isso isto aqui hoje amanhã obrigado obrigada como quando
    onde porque ainda já outra vez está estão pela pelo`,
  sv: `och att det som en ett är på för med av till den inte jag du han hon vi de har var kan om så men från mycket tack
    hej idag nu här där vad varför hur när också bara igen`,
  da: `og at det som en et er på for med af til den ikke jeg du han hun vi de har var kan om så men fra meget tak hej nu
    her der hvad hvorfor hvordan når også bare igen`,
  pl: `i w na z do nie się że to jest jak ale co po tak za od o już jeszcze bardzo dziękuję znowu`,
  tr: `ve bir bu da de için ile çok ne var yok ben sen biz siz onlar gibi ama daha mi mı bugün hava güzel`,
  id: `dan yang di ke dari ini itu untuk dengan tidak ada saya kamu kami mereka akan sudah juga terima kasih atas`,
};
