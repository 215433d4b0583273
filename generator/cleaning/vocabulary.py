"""Words of website chrome, in the interface languages the archive was scraped in.

These are the words of forms, menus and notices (accounts, passwords,
newsletters, cookies, sharing), not lines of any transcript: a rule that
uses them also checks the line's shape and position, so a speaker who says
"password" in an answer keeps every word.
"""

from __future__ import annotations

import re

# Each entry is a regular expression matched case-insensitively at word starts.
CHROME_TERMS: dict[str, tuple[str, ...]] = {
    "account-form": (
        # English
        r"account", r"register", r"sign(?:ed)? ?(?:in|up|out)", r"log ?(?:in|out)", r"password",
        r"verification code", r"verif(?:y|ied|ication)", r"inbox",
        r"send new code", r"resend", r"receive a code", r"reset", r"username", r"remember me", r"forgot",
        r"download (?:\w+ )?(?:videos|photos|images)", r"our website", r"click (?:on )?the button",
        # French
        r"compte", r"s'inscrire", r"inscri", r"se connecter", r"connexion", r"mot de passe",
        r"code de v[ée]rification", r"bo[iî]te de r[ée]ception",
        r"r[ée]initialiser", r"cliquez sur le bouton",
        # German
        r"konto", r"registrier", r"anmelden", r"abmelden", r"passwort", r"kennwort", r"best[äa]tigungscode",
        r"verifizierungscode", r"posteingang", r"zur[üu]cksetzen", r"klicken sie",
        # Spanish / Italian / Portuguese
        r"cuenta", r"registr(?:ar|at|o)", r"iniciar sesi[óo]n", r"contrase[ñn]a", r"c[óo]digo de verificaci[óo]n",
        r"bandeja de entrada", r"restablecer", r"haga clic", r"accedi",
        r"codice di verifica", r"reimposta", r"clicca", r"senha", r"entrar",
        # Russian / Ukrainian / Polish
        r"аккаунт", r"уч[её]тн\w* запис", r"зарегистрир", r"регистрац", r"войти", r"парол",
        r"код подтверждения", r"сбросить", r"нажмите", r"обліков", r"зареєстр",
        r"реєстрац", r"увійти", r"код підтвердження", r"скинути", r"натисніть",
        r"zarejestruj", r"zaloguj", r"has[łl]o", r"kod weryfikacyjny", r"kliknij",
        r"акаунт", r"новий код", r"новый код", r"отримали код",
        r"получили код", r"нашого сайту", r"нашего сайта", r"notre site", r"unserer (?:web)?seite",
        r"nuestro sitio", r"nouveau code", r"neuen code", r"nuevo c[óo]digo",
    ),
    # An e-mail field belongs to whichever form it sits in: the lines around it name it.
    "form-field": (
        r"e-?mail address", r"your e-?mail", r"adresse (?:e-?mail|[ée]lectronique)", r"e-?mail-adresse",
        r"correo electr[óo]nico", r"indirizzo e-?mail", r"электронн\w* (?:почт|адрес)", r"електронн\w* (?:пошт|адрес)",
        r"adres e-?mail",
    ),
    "newsletter-form": (
        r"latest news", r"останні новини", r"последние новости", r"derni[èe]res (?:nouvelles|actualit[ée]s)",
        r"neuesten nachrichten",
        r"newsletter", r"subscri(?:be|ption)", r"unsubscribe", r"latest updates", r"mailing list",
        r"lettre d'information", r"abonn", r"abonnieren", r"bolet[íi]n", r"suscr[ií]b", r"iscriviti",
        r"рассылк", r"подписа", r"подпиш", r"розсилк", r"підписа", r"підпиш", r"subskryb",
    ),
    "cookie-notice": (
        r"cookies?", r"privacy policy", r"terms of use", r"accept all", r"manage preferences", r"politique de confidentialit[ée]",
        r"datenschutz", r"pol[íi]tica de privacidad", r"файлы cookie", r"конфиденциальност",
    ),
    "site-menu": (
        r"share (?:this|on)", r"print (?:this )?page", r"follow us", r"back to top", r"skip to (?:main )?content",
        r"main menu", r"breadcrumb", r"search", r"related (?:news|content|articles)", r"partager", r"imprimer",
        r"teilen", r"drucken", r"compartir", r"imprimir", r"поделиться", r"печать", r"поділитися", r"друк",
        r"haut de page", r"nach oben", r"наверх", r"нагору", r"volver arriba", r"torna su",
        r"home\s*[>/|»]", r"accueil\s*[>/|»]", r"startseite\s*[>/|»]", r"главная\s*[>/|»]", r"головна\s*[>/|»]",
    ),
}

# One pattern for every group, each a named alternative, so a line is scanned once;
# the word start is tested once for all of them.
CHROME_PATTERN: re.Pattern[str] = re.compile(
    r"(?<!\w)(?:"
    + "|".join(rf"(?P<{group.replace('-', '_')}>{'|'.join(terms)})" for group, terms in CHROME_TERMS.items())
    + ")",
    re.I,
)

# Names of languages as a site's language menu prints them (in English and in the language itself).
LANGUAGE_NAMES = frozenset(
    """english français francais french deutsch german español espanol spanish italiano italian
    русский russian українська ukrainian polski polish português portuguese nederlands dutch
    türkçe turkish română romanian български bulgarian čeština czech dansk danish eesti estonian
    ελληνικά greek magyar hungarian latviešu latvian lietuvių lithuanian norsk norwegian slovenčina
    slovak slovenščina slovenian shqip albanian hrvatski croatian македонски macedonian svenska
    swedish suomi finnish íslenska icelandic crnogorski montenegrin srpski serbian ქართული georgian
    العربية arabic 中文 chinese 日本語 japanese azərbaycan azerbaijani қазақ kazakh
    anglais français russe ukrainien allemand espagnol italien polonais
    englisch französisch russisch ukrainisch deutsch spanisch italienisch polnisch
    inglés francés ruso ucraniano alemán español italiano polaco
    inglese francese russo ucraino tedesco spagnolo
    английский французский русский украинский немецкий испанский
    англійська французька російська українська німецька іспанська""".split()
)
LANGUAGE_CODES = frozenset(
    "en fr de es it ru uk ua pl pt nl tr ro bg cs da et el hu lv lt no sk sl sq hr mk sv fi is sr ka ar zh ja".split()
)
