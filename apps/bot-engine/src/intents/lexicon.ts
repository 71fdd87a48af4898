/**
 * The words the matcher understands, per language, mapped onto shared
 * concepts: "Menschen", "humain", "persona" and "real person" all become
 * `human`, so a phrase written once matches its translations and its
 * synonyms. Words are stored normalised (lowercase, no diacritics). Anything
 * not listed here is matched as itself, which is what tenant phrases rely on.
 */
import type { IntentLanguage } from './language-codes';

export interface Concept {
  /** How much a phrase's meaning rests on this word: the core of an intent weighs 2, glue words less. */
  weight: number;
  /** Polite filler ("please", "bitte"): counts when a phrase asks for it, never as unrelated text. */
  neutral?: boolean;
  /** Space-separated, per language: the lexicon stays readable at a hundred words a line. */
  words: Partial<Record<IntentLanguage, string>>;
}

export const CONCEPTS: Record<string, Concept> = {
  human: {
    weight: 2,
    words: {
      en:
        'human humans person persons people someone somebody anyone anybody agent agents operator representative ' +
        'rep advisor adviser staff employee',
      de:
        'kundenberater kundenberaterin sachbearbeiter servicemitarbeiter mensch menschen menschlichen person personen leute jemand jemandem jemanden mitarbeiter mitarbeiterin ' +
        'berater beraterin ansprechpartner ansprechpartnerin agent verkaufer verkauferin',
      fr:
        'conseillers humaines humain humains humaine personne personnes gens quelqu agent conseiller conseillere operateur operatrice ' +
        'commercial interlocuteur',
      es:
        'agentes asesores humano humanos humana persona personas gente alguien agente operador operadora asesor asesora ' +
        'representante comercial gestor vendedor vendedora',
    },
  },
  team: {
    weight: 1,
    words: {
      en: 'team support sales service',
      de: 'team kundenservice kundendienst support vertrieb service',
      fr: 'equipe service support',
      es: 'equipo soporte ventas atencion',
    },
  },
  bot: {
    weight: 2,
    words: {
      en: 'algorithm chatgpt gpt bot bots robot chatbot ai machine program programme automated automatic',
      de: 'automat bot roboter chatbot ki maschine programm automatisch automatisches computer',
      fr: 'bot robot chatbot ia machine programme automatique automatise ordinateur',
      es: 'bot robot chatbot ia maquina programa automatico automatica automatizado',
    },
  },
  real: {
    weight: 1,
    words: {
      en: 'real actual live genuine',
      de: 'echt echte echten echter echtes wirklich wirklichen richtigen',
      fr: 'vrai vraie reel reelle veritable',
      es: 'real verdad verdadero verdadera',
    },
  },
  talk: {
    weight: 1.5,
    words: {
      en: 'talk talking speak speaking chat chatting discuss',
      de: 'sprechen spreche sprich reden rede chatten chatte unterhalten',
      fr: 'parles parlez parler parle discuter discute echanger dialoguer',
      es: 'hable hablen hablas atender atiende atienda hablar hablo hablando charlar conversar chatear',
    },
  },
  connect: {
    weight: 1.5,
    words: {
      en: 'connect transfer forward put redirect',
      de: 'verbinden verbinde verbindet weiterleiten durchstellen',
      fr: 'relation passez passer transferez contact',
      es: 'pasame pasas paseme pasa comunicame conectame transfiereme pasar',
    },
  },
  call: {
    weight: 1.5,
    words: {
      en: 'call calling calls phone',
      de: 'anrufen zuruckrufen ruft rufen',
      fr: 'rappelle rappeler rappeliez appelle appeler',
      es: 'llamar llame llamen llamada',
    },
  },
  want: {
    weight: 1,
    words: {
      en: 'wish want wanna need like would rather prefer let request',
      de: 'mochten wollen mochte will wurde hatte gern gerne brauche wunsche lieber antrag anfrage',
      fr: 'voulais veut veux voudrais souhaite souhaiterais aimerais prefere besoin demande exige',
      es: 'queremos quiero quisiera necesito gustaria prefiero solicito pido deseo solicitud',
    },
  },
  can: {
    weight: 1,
    words: {
      en: 'can could may get',
      de: 'kann kannst konnen konnte darf',
      fr: 'peux puis pourrais pourriez pouvez',
      es: 'puedo puede podria podeis puedes pueden',
    },
  },
  please: {
    weight: 0.7,
    neutral: true,
    words: {
      en: 'please pls plz plse now',
      de: 'bitte bitteschon',
      fr: 'svp plait stp',
      es: 'favor porfa porfavor',
    },
  },
  be: {
    weight: 1,
    words: {
      en: 'are am is r',
      de: 'bist bin ist sind',
      fr: 'etes es suis est etre estceque',
      es: 'eres es estoy sois son',
    },
  },
  you: {
    weight: 1,
    words: {
      en: 'you u yourself ya',
      de: 'du dich dir ihr euch sie',
      fr: 'vous tu t toi te',
      es: 'usted ustedes vosotros os te',
    },
  },
  your: {
    weight: 0.5,
    words: {
      en: 'your yours ur',
      de: 'dein deine deinen euer eure euren eurem ihre ihren ihrer',
      fr: 'votre vos ton ta tes',
      es: 'tu tus vuestra vuestro vuestros vuestras su sus',
    },
  },
  i: {
    weight: 0.5,
    words: { en: 'i im', de: 'ich', fr: 'je j', es: 'yo' },
  },
  me: {
    weight: 1,
    words: {
      en: 'me myself',
      de: 'mich mir',
      fr: 'moi me m',
      es: 'me',
    },
  },
  my: {
    weight: 1,
    words: {
      en: 'my mine',
      de: 'mein meine meinen meiner meinem meines',
      fr: 'mon ma mes',
      es: 'mi mis mio mia mios mias',
    },
  },
  this: {
    weight: 1,
    words: {
      en: 'this here it',
      de: 'das dies diese dieser diesen dieses hier',
      fr: 'c ce cette cet ceci ca ici',
      es: 'esto esta este aqui',
    },
  },
  there: {
    weight: 0.5,
    words: { en: 'there', de: 'gibt', fr: 'ya derriere', es: 'hay otro lado' },
  },
  delete: {
    weight: 2,
    words: {
      en: 'wiped purged erasing removing deletes delete deleted deleting deletion erase erased erasure remove removed removal wipe purge destroy',
      de: 'loschst loschen losche loscht losch geloscht loschung entfernen entfernt entferne tilgen',
      fr: 'supprimer supprimez supprime suppression effacer effacez effaciez retirer retirez',
      es: 'borres borrado supresion borrar borra borre borren borrad borreis eliminar elimina eliminen eliminad',
    },
  },
  forget: {
    weight: 2,
    words: {
      en: 'forgetting forget forgotten',
      de: 'vergisst vergiss vergessen vergessenwerden vergesst',
      fr: 'oubliee oublies oublie oubliez oublier oubli',
      es: 'olvides olvidado olvidada olvidarnos olvida olvido olvidad olvideis olvidar olviden olvidarme',
    },
  },
  right: {
    weight: 1.5,
    words: { en: 'right', de: 'recht', fr: 'droit', es: 'derecho' },
  },
  data: {
    weight: 2,
    words: {
      en: 'data information informations info infos details',
      de: 'daten informationen infos angaben kontaktdaten',
      fr: 'donnees donnee informations information infos coordonnees',
      es: 'datos dato informacion informaciones',
    },
  },
  personal: {
    weight: 0.7,
    words: {
      en: 'personal',
      de: 'personlichen personliche personenbezogenen personenbezogene',
      fr: 'personnelles personnelle personnels',
      es: 'personal personales',
    },
  },
  all: {
    weight: 0.7,
    words: {
      en: 'all everything every',
      de: 'alle alles samtliche',
      fr: 'tout toutes tous',
      es: 'todo toda todos todas',
    },
  },
  account: {
    weight: 1,
    words: { en: 'account profile', de: 'konto profil', fr: 'compte profil', es: 'cuenta perfil' },
  },
  about: {
    weight: 0.5,
    words: { en: 'about on', de: 'uber', fr: 'sur', es: 'sobre' },
  },
  privacy: {
    weight: 2,
    words: {
      en: 'privacy gdpr confidentiality private',
      de: 'datenschutz dsgvo privatsphare',
      fr: 'confidentialite rgpd privee',
      es: 'privacidad rgpd confidencialidad lopd',
    },
  },
  policy: {
    weight: 1,
    words: {
      en: 'policy notice statement',
      de: 'erklarung richtlinie hinweise',
      fr: 'politique charte',
      es: 'politica aviso',
    },
  },
  what: {
    weight: 0.5,
    words: { en: 'what', de: 'was', fr: 'que quoi quelles quelle quels', es: 'que' },
  },
  how: {
    weight: 0.5,
    words: { en: 'how', de: 'wie', fr: 'comment', es: 'como' },
  },
  who: {
    weight: 0.5,
    words: { en: 'who', de: 'wer', fr: 'qui', es: 'quien quienes' },
  },
  where: {
    weight: 0.5,
    words: { en: 'where', de: 'wo', fr: 'ou', es: 'donde' },
  },
  long: {
    weight: 0.7,
    words: { en: 'long', de: 'lange', fr: 'temps combien', es: 'tiempo cuanto' },
  },
  use: {
    weight: 1.5,
    words: {
      en: 'use used using usage process processed happens happen handle handled treat',
      de: 'verwenden verwendet nutzen nutzt genutzt verarbeitet macht passiert geht um behandelt',
      fr: 'utiliser utilisees utilisez utilise faites fait traitees traitez devient deviennent',
      es: 'usan usais usar utilizan utilizais utilizar haceis hacen hace tratan',
    },
  },
  store: {
    weight: 1.5,
    words: {
      en: 'stores kept saving recording store stored storing keep save saved retain record recorded log logged',
      de: 'aufbewahren speichern speichert gespeichert aufbewahrt aufgezeichnet protokolliert aufzeichnen',
      fr: 'conservees stockees gardees garder gardez conserver conservez enregistrer enregistrez enregistree stockez',
      es: 'guardados almacenados graba guardar guardais guardan guarda conservar conservan almacenan graban grabais',
    },
  },
  conversation: {
    weight: 1,
    words: {
      en: 'conversation conversations transcript',
      de: 'chat gesprach unterhaltung chatverlauf konversation',
      fr: 'conversation discussion echange chat',
      es: 'conversacion charla chat',
    },
  },
  share: {
    weight: 1.5,
    words: {
      en: 'sharing selling disclose disclosed share shared sell sold pass',
      de: 'weitergeleitet geteilt weitergeben weitergegeben weiter verkauft verkaufen teilen teilt',
      fr: 'partage partagees transmises transmettez vendues partager partagez partagees vendez revendez revendues vendues',
      es: 'comparte compartidos vendidos compartir compartis comparten vender vendeis venden ceden cedeis',
    },
  },
  third: {
    weight: 1,
    words: { en: 'third parties anyone', de: 'dritte dritten', fr: 'tiers', es: 'terceros' },
  },
  read: {
    weight: 1,
    words: {
      en: 'see read access reading find',
      de: 'lesen sehen einsehen zugriff finde finden',
      fr: 'lire voir acces trouver trouve',
      es: 'leer ver acceso encontrar encuentro',
    },
  },
  collect: {
    weight: 1.5,
    words: {
      en: 'collect collected gather track tracking',
      de: 'sammelt sammeln gesammelt erhebt erfasst',
      fr: 'collectez collecter collectees recueillez',
      es: 'recogeis recogen recopilais recopilan recoger',
    },
  },
  safe: {
    weight: 1,
    words: {
      en: 'safe secure protected compliant',
      de: 'sicher geschutzt konform',
      fr: 'securite protegees conforme',
      es: 'seguros seguro protegidos cumplis cumplen',
    },
  },
  answer: {
    weight: 1.5,
    words: {
      en: 'answer answering answers reply replying replies respond responding typing',
      de: 'antwortet antworten antwortest',
      fr: 'repond repondez reponds',
      es: 'responde responden contesta contestan contestas',
    },
  },
  available: {
    weight: 1,
    words: { en: 'available', de: 'erreichbar verfugbar', fr: 'disponible', es: 'disponible' },
  },
  stop: {
    weight: 2,
    words: {
      en: 'stop quit cease',
      de: 'stopp stop hor hort aufhoren',
      fr: 'stop arretez arrete arreter cessez',
      es: 'stop deja dejad dejen deje dejar parad paren',
    },
  },
  unsubscribe: {
    weight: 2.5,
    words: {
      en: 'unsubscribe unsubscribed unsub optout',
      de: 'abmelden abmeldung abbestellen austragen abmelde austragen',
      fr: 'desabonner desabonne desabonnement desinscrire desinscription desinscrivez',
      es: 'baja desuscribir desuscribirme desuscripcion desapuntar desapuntarme',
    },
  },
  cancel: {
    weight: 1,
    words: { en: 'cancel', de: 'kundigen', fr: 'annuler resilier', es: 'cancelar anular' },
  },
  subscription: {
    weight: 1.5,
    words: {
      en: 'subscription newsletter newsletters',
      de: 'abo abonnement newsletter',
      fr: 'abonnement newsletter inscription',
      es: 'suscripcion newsletter boletin',
    },
  },
  message: {
    weight: 1.5,
    words: {
      en: 'emailing newsletters notifications message messages messaging email emails mail mails texts texting sms spam spamming',
      de: 'werbemails nachricht nachrichten email emails mails werbung sms spam spammen newsletter',
      fr: 'message messages mail mails email emails courriel courriels pub publicite spam spammer',
      es: 'boletines mensaje mensajes correo correos email emails sms publicidad spam',
    },
  },
  contact: {
    weight: 1.5,
    words: {
      en: 'send sending contact contacting receive receiving write writing email text',
      de: 'schicken schickt senden sendet kontaktieren erhalten bekommen schreiben schreibt schreibe anschreiben anzuschreiben',
      fr: 'envoyer envoyez contacter contactez recevoir ecrire ecrivez ecris',
      es: 'enviar enviarme enviad envieis mandar contactar contacteis recibir escribir escribo',
    },
  },
  more: {
    weight: 1,
    words: {
      en: 'more anymore again longer',
      de: 'mehr wieder',
      fr: 'plus jamais',
      es: 'mas nunca',
    },
  },
  not: {
    weight: 1,
    words: {
      en: 'not no never dont didnt doesnt',
      de: 'nicht kein keine keinen keinem keiner keines nie niemals',
      fr: 'ne n pas jamais',
      es: 'no nunca jamas',
    },
  },
  list: {
    weight: 1.5,
    words: {
      en: 'list mailing',
      de: 'verteiler liste mailingliste emailverteiler',
      fr: 'liste diffusion fichier fichiers',
      es: 'lista listas',
    },
  },
  off: {
    weight: 1,
    words: { en: 'off out', de: 'raus heraus', fr: 'hors', es: 'fuera' },
  },
};

/**
 * Words that carry several concepts at once: Spanish clitics ("olvídame" is
 * forget + me) and verbs whose form names the subject ("eres", "bist" are
 * be + you; "hablo" is talk + I). They take precedence over the concept lists.
 */
export const COMPOUND_WORDS: Record<string, string[]> = {
  eres: ['be', 'you'],
  bist: ['be', 'you'],
  etes: ['be', 'you'],
  estoy: ['be', 'i'],
  suis: ['be', 'i'],
  bin: ['be', 'i'],
  am: ['be', 'i'],
  hablo: ['talk', 'i'],
  spreche: ['talk', 'i'],
  olvidame: ['forget', 'me'],
  olvidadme: ['forget', 'me'],
  olvidenme: ['forget', 'me'],
  bajame: ['unsubscribe', 'me'],
  darme: ['me'],
  quitame: ['delete', 'me'],
  quitadme: ['delete', 'me'],
  quitenme: ['delete', 'me'],
  sacadme: ['delete', 'me'],
  escribirme: ['contact', 'me'],
  escribiendome: ['contact', 'me'],
  contactarme: ['contact', 'me'],
  enviarme: ['contact', 'me'],
  mandarme: ['contact', 'me'],
  borradme: ['delete', 'me'],
  borrenme: ['delete', 'me'],
  eliminenme: ['delete', 'me'],
  eliminadme: ['delete', 'me'],
  llamadme: ['call', 'me'],
  llameme: ['call', 'me'],
  desuscribirme: ['unsubscribe', 'me'],
  atenderme: ['talk', 'me'],
};

/** Stems that are safe to match by prefix (long, and unambiguous across the four languages). */
export const PREFIX_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['datenschutz', 'privacy'],
  ['unsubscri', 'unsubscribe'],
  ['desabonn', 'unsubscribe'],
  ['desinscri', 'unsubscribe'],
  ['desuscri', 'unsubscribe'],
  ['abmeld', 'unsubscribe'],
  ['supprim', 'delete'],
  ['suprim', 'delete'],
  ['effac', 'delete'],
  ['elimin', 'delete'],
  ['confidential', 'privacy'],
  ['privacid', 'privacy'],
];

/**
 * Fixed expressions rewritten before lookup: they either carry an intent word
 * in a meaning that is not the intent ("human resources", "bus stop",
 * "personne ne répond") or spread one concept over several words.
 */
export const COLLOCATIONS: ReadonlyArray<readonly [string, string]> = [
  ['human resources', 'hr'],
  ['ressources humaines', 'rh'],
  ['recursos humanos', 'rrhh'],
  ['person to person', 'p2p'],
  ['stop by', 'visit'],
  ['bus stop', 'busstop'],
  ['data sheet', 'datasheet'],
  ['real estate', 'realestate'],
  ['personne ne', 'nobody'],
  ['personne n', 'nobody'],
  ['opt out', 'optout'],
  ['data protection', 'privacy'],
  ['protection des donnees', 'privacy'],
  ['proteccion de datos', 'privacy'],
  ['vie privee', 'privacy'],
  ['chat bot', 'chatbot'],
  ['e mail', 'email'],
  ['e mails', 'emails'],
  ['s il vous plait', 'svp'],
  ['s il te plait', 'svp'],
  ['por favor', 'favor'],
  ['y a t il', 'ya'],
  ['il y a', 'ya'],
  ['right now', 'now'],
  ['human being', 'human'],
  ['human review', 'humanreview'],
  ['human error', 'humanerror'],
  ['human rights', 'humanrights'],
  ['de verdad', 'verdad'],
  ['in echt', 'echt'],
  ['hor auf', 'hor'],
  ['hort auf', 'hort'],
  ['do with', 'use'],
  ['gibt es', 'gibt'],
  ['doing with', 'use'],
  ['est ce que', 'estceque'],
  ['est ce qu', 'estceque'],
  ['j ai', 'jai'],
  ['n ai', 'n'],
  ['artificial intelligence', 'ai'],
  ['kunstliche intelligenz', 'ki'],
  ['intelligence artificielle', 'ia'],
  ['inteligencia artificial', 'ia'],
  ['privacy screen', 'privacyscreen'],
  ['privacy filter', 'privacyfilter'],
  ['human centred', 'humancentred'],
  ['human centered', 'humancentered'],
];

/** Words with no bearing on any intent: never corrected, never counted as unrelated text. */
export const STOPWORDS: Partial<Record<IntentLanguage, string>> = {
  en:
    'a an the to of for with from in at and or if so that just some any hi hello hey ok okay thanks thank ' +
    'yes yeah oh d s ll do ve m does did have has be been by through up than ask wait our ours we us',
  de:
    'der die den dem des ein eine einen einem einer nem und oder mit zu zum zur von vom aus auf an am in ' +
    'im fur bei es auch mal doch ja hallo danke sie wir dass so noch jetzt gerade ob oh lassen werden ' +
    'wird habt haben habe hi guten tag',
  fr:
    'le la les l un une des de du d a au aux et en avec pour par dans qu il elle on y s se bonjour salut ' +
    'merci oui sont avez jai train si bonsoir',
  es:
    'el la los las un una unos unas de del al a y o en con por para se lo le les hola gracias buenas ' +
    'buenos si ya teneis tiene',
};

/**
 * Everyday words one typo away from an intent word ("these" / "there", "nous" /
 * "vous", "anmelden" / "abmelden"): known, so they are never "corrected" into one.
 */
export const DECOYS: Partial<Record<IntentLanguage, string>> = {
  en:
    'agenda date dates humor humour stock shop both boot know last lost three these their theme into walk tall ' +
    'fall life love give five line link went world user users uses same sale gave tell well bell cell self old ' +
    'top tea fine kind mind fund truck trick step quite quiet suit half main male test tests next sent end move ' +
    'mode nevermind argent stuff actually hour four tour nine his thin were hire wife wide wire forgot night ' +
    'light might very ever police show along belong hate',
  de: 'anmelden angemeldet abmahnung datum sehr sich sein klein dann wann acht nacht vier brechen wetter best gehen',
  fr: 'pays mois nous notre deux vieux peu parce donne donner donnez regarder dire avoir passe',
  es: 'bajo caja dados rato borrador listo cuando pasta bote',
};
