"""Website chrome that scrapes carry along, in the site's interface languages.

The forms are the nato.int multimedia-account widgets seen in the seed
transcripts; a scrape taken with another interface language carries them
translated. Each line is tagged with its kind so the ground truth can count
what the cleaner should remove.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

LANGUAGES = ("en", "fr", "de", "ru", "uk", "es")
LANGUAGE_WEIGHTS = (65, 10, 6, 7, 7, 5)
LATIN_LANGUAGES = ("en", "fr", "de", "es")  # the ones Windows-1252 can carry

# The order of the form widgets on the page, and the chrome kind of each line.
FORM_SEQUENCE = (
    ("account_title", "account"), ("account_lead", "account"), ("register", "account"),
    ("create_account", "account"), ("create_account", "account"), ("check_inbox", "verification"),
    ("code_sent", "verification"), ("code_label", "verification"), ("no_code", "verification"),
    ("created", "account"), ("download", "account"), ("subscribe", "newsletter"),
    ("subscribe_lead", "newsletter"), ("reset", "password"), ("reset_lead", "password"), ("reset", "password"),
    ("check_inbox", "verification"), ("code_sent", "verification"), ("code_label", "verification"),
    ("no_code", "verification"), ("new_password", "password"), ("password_rules", "password"),
    ("password_updated", "password"), ("return_login", "password"),
)

FORMS: dict[str, dict[str, str]] = {
    "en": {
        "account_title": "NATO MULTIMEDIA ACCOUNT",
        "account_lead": "Access NATO’s broadcast-quality video content free of charge",
        "register": "Register", "create_account": "Create an account",
        "check_inbox": "Check your inbox and enter verification code",
        "code_sent": "We have sent a verification code to your email address. Enter the code to verify your account. This code will expire in 30 minutes.",
        "code_label": "Verification code", "no_code": "Didn't receive a code? Send new Code",
        "created": "You have successfully created your account",
        "download": "From now on you can download videos from our website",
        "subscribe": "Subscribe to our newsletter",
        "subscribe_lead": "If you would also like to subscribe to the newsletter and receive our latest updates, click on the button below.",
        "reset": "Reset password",
        "reset_lead": "Enter the email address you registered with and we will send you a code to reset your password.",
        "new_password": "Create a new password",
        "password_rules": "The password must be at least 12 characters long, no spaces, include upper/lowercase letters, numbers and symbols.",
        "password_updated": "Your password has been updated",
        "return_login": "Click the button to return to the page you were on and log in with your new password.",
    },
    "fr": {
        "account_title": "COMPTE MULTIMÉDIA DE L’OTAN",
        "account_lead": "Accédez gratuitement aux vidéos de l’OTAN en qualité broadcast",
        "register": "S’inscrire", "create_account": "Créer un compte",
        "check_inbox": "Vérifiez votre boîte de réception et saisissez le code de vérification",
        "code_sent": "Nous avons envoyé un code de vérification à votre adresse électronique. Saisissez le code pour vérifier votre compte. Ce code expirera dans 30 minutes.",
        "code_label": "Code de vérification", "no_code": "Vous n’avez pas reçu de code ? Envoyer un nouveau code",
        "created": "Votre compte a bien été créé",
        "download": "Vous pouvez désormais télécharger des vidéos sur notre site web",
        "subscribe": "Abonnez-vous à notre lettre d’information",
        "subscribe_lead": "Si vous souhaitez également vous abonner à la lettre d’information et recevoir nos dernières actualités, cliquez sur le bouton ci-dessous.",
        "reset": "Réinitialiser le mot de passe",
        "reset_lead": "Saisissez l’adresse électronique avec laquelle vous vous êtes inscrit et nous vous enverrons un code pour réinitialiser votre mot de passe.",
        "new_password": "Créer un nouveau mot de passe",
        "password_rules": "Le mot de passe doit comporter au moins 12 caractères, sans espace, avec des majuscules, des minuscules, des chiffres et des symboles.",
        "password_updated": "Votre mot de passe a été mis à jour",
        "return_login": "Cliquez sur le bouton pour revenir à la page où vous étiez et connectez-vous avec votre nouveau mot de passe.",
    },
    "de": {
        "account_title": "NATO-MULTIMEDIA-KONTO",
        "account_lead": "Kostenloser Zugang zu Videos der NATO in Sendequalität",
        "register": "Registrieren", "create_account": "Konto erstellen",
        "check_inbox": "Prüfen Sie Ihren Posteingang und geben Sie den Bestätigungscode ein",
        "code_sent": "Wir haben einen Bestätigungscode an Ihre E-Mail-Adresse gesendet. Geben Sie den Code ein, um Ihr Konto zu bestätigen. Der Code läuft in 30 Minuten ab.",
        "code_label": "Bestätigungscode", "no_code": "Keinen Code erhalten? Neuen Code senden",
        "created": "Ihr Konto wurde erfolgreich erstellt",
        "download": "Ab sofort können Sie Videos von unserer Website herunterladen",
        "subscribe": "Newsletter abonnieren",
        "subscribe_lead": "Wenn Sie auch unseren Newsletter abonnieren und unsere neuesten Meldungen erhalten möchten, klicken Sie auf die Schaltfläche unten.",
        "reset": "Passwort zurücksetzen",
        "reset_lead": "Geben Sie die E-Mail-Adresse ein, mit der Sie sich registriert haben, und wir senden Ihnen einen Code zum Zurücksetzen Ihres Passworts.",
        "new_password": "Neues Passwort erstellen",
        "password_rules": "Das Passwort muss mindestens 12 Zeichen lang sein, darf keine Leerzeichen enthalten und muss Groß- und Kleinbuchstaben, Zahlen und Symbole enthalten.",
        "password_updated": "Ihr Passwort wurde aktualisiert",
        "return_login": "Klicken Sie auf die Schaltfläche, um zur vorherigen Seite zurückzukehren, und melden Sie sich mit Ihrem neuen Passwort an.",
    },
    "ru": {
        "account_title": "МУЛЬТИМЕДИЙНЫЙ АККАУНТ НАТО",
        "account_lead": "Бесплатный доступ к видеоматериалам НАТО вещательного качества",
        "register": "Регистрация", "create_account": "Создать аккаунт",
        "check_inbox": "Проверьте почту и введите код подтверждения",
        "code_sent": "Мы отправили код подтверждения на ваш адрес электронной почты. Введите код, чтобы подтвердить аккаунт. Код действителен 30 минут.",
        "code_label": "Код подтверждения", "no_code": "Не получили код? Отправить новый код",
        "created": "Ваш аккаунт успешно создан",
        "download": "Теперь вы можете скачивать видео с нашего сайта",
        "subscribe": "Подпишитесь на нашу рассылку",
        "subscribe_lead": "Если вы хотите подписаться на рассылку и получать наши последние новости, нажмите на кнопку ниже.",
        "reset": "Сбросить пароль",
        "reset_lead": "Введите адрес электронной почты, указанный при регистрации, и мы отправим вам код для сброса пароля.",
        "new_password": "Создайте новый пароль",
        "password_rules": "Пароль должен содержать не менее 12 символов без пробелов, включая заглавные и строчные буквы, цифры и символы.",
        "password_updated": "Ваш пароль обновлён",
        "return_login": "Нажмите кнопку, чтобы вернуться на страницу, где вы были, и войдите с новым паролем.",
    },
    "uk": {
        "account_title": "МУЛЬТИМЕДІЙНИЙ АКАУНТ НАТО",
        "account_lead": "Безкоштовний доступ до відеоматеріалів НАТО телевізійної якості",
        "register": "Реєстрація", "create_account": "Створити акаунт",
        "check_inbox": "Перевірте пошту та введіть код підтвердження",
        "code_sent": "Ми надіслали код підтвердження на вашу електронну адресу. Введіть код, щоб підтвердити акаунт. Код дійсний 30 хвилин.",
        "code_label": "Код підтвердження", "no_code": "Не отримали код? Надіслати новий код",
        "created": "Ваш акаунт успішно створено",
        "download": "Тепер ви можете завантажувати відео з нашого сайту",
        "subscribe": "Підпишіться на нашу розсилку",
        "subscribe_lead": "Якщо ви бажаєте підписатися на розсилку та отримувати наші останні новини, натисніть кнопку нижче.",
        "reset": "Скинути пароль",
        "reset_lead": "Введіть електронну адресу, з якою ви реєструвалися, і ми надішлемо вам код для скидання пароля.",
        "new_password": "Створіть новий пароль",
        "password_rules": "Пароль має містити щонайменше 12 символів без пробілів, великі та малі літери, цифри та символи.",
        "password_updated": "Ваш пароль оновлено",
        "return_login": "Натисніть кнопку, щоб повернутися на сторінку, де ви були, і увійдіть з новим паролем.",
    },
    "es": {
        "account_title": "CUENTA MULTIMEDIA DE LA OTAN",
        "account_lead": "Acceda gratuitamente a los vídeos de la OTAN con calidad de emisión",
        "register": "Registrarse", "create_account": "Crear una cuenta",
        "check_inbox": "Revise su bandeja de entrada e introduzca el código de verificación",
        "code_sent": "Hemos enviado un código de verificación a su dirección de correo electrónico. Introduzca el código para verificar su cuenta. Este código caducará en 30 minutos.",
        "code_label": "Código de verificación", "no_code": "¿No ha recibido el código? Enviar un código nuevo",
        "created": "Su cuenta se ha creado correctamente",
        "download": "A partir de ahora puede descargar vídeos de nuestro sitio web",
        "subscribe": "Suscríbase a nuestro boletín",
        "subscribe_lead": "Si también desea suscribirse al boletín y recibir nuestras últimas novedades, haga clic en el botón de abajo.",
        "reset": "Restablecer la contraseña",
        "reset_lead": "Introduzca la dirección de correo electrónico con la que se registró y le enviaremos un código para restablecer su contraseña.",
        "new_password": "Crear una nueva contraseña",
        "password_rules": "La contraseña debe tener al menos 12 caracteres, sin espacios, e incluir mayúsculas y minúsculas, números y símbolos.",
        "password_updated": "Su contraseña ha sido actualizada",
        "return_login": "Haga clic en el botón para volver a la página en la que estaba e inicie sesión con su nueva contraseña.",
    },
}

# Names of the language versions (English, French, Russian, Ukrainian, German, Spanish) per interface language.
LANGUAGE_NAMES = {
    "en": ("English", "French", "Russian", "Ukrainian", "German", "Spanish"),
    "fr": ("Anglais", "Français", "Russe", "Ukrainien", "Allemand", "Espagnol"),
    "de": ("Englisch", "Französisch", "Russisch", "Ukrainisch", "Deutsch", "Spanisch"),
    "ru": ("Английский", "Французский", "Русский", "Украинский", "Немецкий", "Испанский"),
    "uk": ("Англійська", "Французька", "Російська", "Українська", "Німецька", "Іспанська"),
    "es": ("Inglés", "Francés", "Ruso", "Ucraniano", "Alemán", "Español"),
}
ENDONYMS = ("English", "Français", "Русский", "Українська", "Deutsch", "Español")

PHRASES = {  # reading time, as delivered, last updated, share, back to top
    "en": ("{a}-{b} minutes", "(As delivered)", "Last updated: {when}", "Share this page", "Print", "Back to top"),
    "fr": ("{a}-{b} minutes", "(Seul le texte prononcé fait foi)", "Dernière mise à jour : {when}", "Partager cette page", "Imprimer", "Haut de page"),
    "de": ("{a}-{b} Minuten", "(Es gilt das gesprochene Wort)", "Zuletzt aktualisiert: {when}", "Diese Seite teilen", "Drucken", "Nach oben"),
    "ru": ("{a}-{b} минут", "(Текст выступления)", "Последнее обновление: {when}", "Поделиться", "Печать", "Наверх"),
    "uk": ("{a}-{b} хвилин", "(Текст виступу)", "Останнє оновлення: {when}", "Поділитися", "Друк", "Нагору"),
    "es": ("{a}-{b} minutos", "(Texto pronunciado)", "Última actualización: {when}", "Compartir esta página", "Imprimir", "Volver arriba"),
}
MONTHS = {
    "en": "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sep. Oct. Nov. Dec.",
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.",
    "ru": "янв. февр. марта апр. мая июня июля авг. сент. окт. нояб. дек.",
    "uk": "січ. лют. бер. квіт. трав. черв. лип. серп. вер. жовт. лист. груд.",
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.",
}


@dataclass(frozen=True)
class ChromeLine:
    """One line of website chrome and the kind of widget it comes from."""

    kind: str
    text: str


def pick_language(rng: random.Random, latin_only: bool) -> str:
    """The interface language the page was scraped in."""
    if latin_only:
        return rng.choice(LATIN_LANGUAGES)
    return rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]


def forms(rng: random.Random, lang: str) -> list[ChromeLine]:
    """The account, verification, newsletter and password widgets, whole or in part."""
    keep = rng.choice((1.0, 1.0, 0.6, 0.3))
    strings = FORMS[lang]
    lines = [ChromeLine(kind, strings[key]) for key, kind in FORM_SEQUENCE if rng.random() < keep]
    return lines or [ChromeLine("account", strings["account_title"])]


def language_menu(rng: random.Random, lang: str, markdown: bool) -> list[ChromeLine]:
    """The list of language versions: a Markdown list of links, or bare names."""
    count = rng.randint(2, 6)
    if markdown:
        names = LANGUAGE_NAMES[lang][:count]
        items = [f"- {names[0]}"] + [f"- [{name}](#)" for name in names[1:]]
        return [ChromeLine("language_menu", item) for item in items]
    names = ENDONYMS[:count]
    if rng.random() < 0.4:
        return [ChromeLine("language_menu", " | ".join(names))]
    return [ChromeLine("language_menu", name) for name in names]


def reading_time(lang: str, words: int) -> ChromeLine:
    """A "12-15 minutes" line for a text of ``words`` words."""
    low = max(1, words // 250)
    return ChromeLine("reading_time", PHRASES[lang][0].format(a=low, b=max(low + 1, words // 200)))


def as_delivered(lang: str) -> ChromeLine:
    """The "(As delivered)" note."""
    return ChromeLine("as_delivered", PHRASES[lang][1])


def last_updated(rng: random.Random, lang: str, day: dt.date) -> ChromeLine:
    """A "Last updated: 24 Nov. 2015 18:42" line, a little after the event."""
    when = day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 30)))
    month = MONTHS[lang].split()[when.month - 1]
    text = f"{when.day} {month} {when.year} {rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}"
    return ChromeLine("last_updated", PHRASES[lang][2].format(when=text))


def share(rng: random.Random, lang: str) -> list[ChromeLine]:
    """The share, print and back-to-top links at the foot of the page."""
    _, _, _, share_text, print_text, top_text = PHRASES[lang]
    lines = [share_text, "Facebook", "LinkedIn", print_text]
    if rng.random() < 0.5:
        lines.append(top_text)
    return [ChromeLine("share", line) for line in lines]
