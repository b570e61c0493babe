package main

// The prose of tickets and notes, per language. Placeholders are listed in
// text.go (placeholderNames). No names: the scrub mask finds e-mails, IBANs,
// cards and phones in free text, not names, so a name here would be personal
// data no rule can mask.

var rawTexts = [numLocales]rawTicketTexts{
	locIT: {
		greet: []string{"Buongiorno,", "Gentile assistenza,", "Salve,", "Buonasera,"},
		close: []string{"Cordiali saluti", "Grazie mille,\nTel. {phone}", "Saluti",
			"Distinti saluti\n{email}"},
		filler: []string{"L'importo totale è di {amount}.", "Vi allego la ricevuta dell'ordine {order}.",
			"Sono reperibile al {phone} dalle {time} in poi.", "Grazie per la pazienza.",
			"Il problema si è verificato anche ieri alle {time}.", "Pratica di riferimento: {ref}.",
			"Nell'estratto conto compare l'operazione {txid} del {date}.", "Ho già chiamato il numero verde due volte.",
			"Uso la versione 4.2.1 dell'app su Android."},
		account: []string{
			"vi scrivo perché il bonifico di {amount} disposto il {date} dal conto {iban} risulta respinto con codice AC04.",
			"vorrei aggiornare le coordinate di accredito: il nuovo IBAN è {iban}. Vi prego di confermare via e-mail a {email}.",
			"sul conto {iban} vedo un addebito di {amount} del {date} che non riconosco (riferimento {order}).",
			"chiedo l'estinzione del conto {iban} entro il {date}; il saldo residuo va girato sul conto cointestato."},
		card: []string{
			"la mia carta {card} è stata bloccata dopo tre tentativi errati del PIN. Potete sbloccarla?",
			"ho smarrito la carta che termina con {last4} ({card}). Chiedo il blocco immediato; il conto collegato è {iban}.",
			"il pagamento di {amount} presso un negozio online (ordine {order}) è stato rifiutato il {date}, carta n. {card}."},
		general: []string{
			"non riesco ad accedere all'home banking dal {date}: l'app mostra l'errore E-{err} dopo l'inserimento del codice OTP.",
			"vi chiedo di aggiornare il mio numero di telefono: il nuovo recapito è {phone}. L'indirizzo e-mail resta {email}.",
			"vorrei sapere se è possibile ricevere gli estratti conto in formato PDF all'indirizzo {email}."},
		accountSubj: []string{"Bonifico SEPA respinto", "Cambio IBAN per accredito stipendio", "Addebito non riconosciuto",
			"Richiesta estratto conto", "Problema con bonifico del {date}"},
		cardSubj: []string{"Carta bloccata", "Pagamento con carta rifiutato", "Smarrimento carta - blocco urgente"},
		generalSubj: []string{"Accesso all'app non riuscito", "Aggiornamento recapito telefonico", "Richiesta informazioni",
			"Errore E-{err} durante il login"},
		reply: []string{"Gentile cliente,\nabbiamo verificato la sua richiesta e l'operazione risulta ora corretta. " +
			"Per ulteriori domande risponda a questa e-mail.\n{agentemail}"},
		notes: []string{"Preferisce essere contattato al {phone}.", "Inviare le fatture a {email}.",
			"Rimborsi sul conto {iban}.", "Referente per la migrazione del {date}.", "Non chiamare prima delle {time}."},
	},
	locFR: {
		greet: []string{"Bonjour,", "Madame, Monsieur,", "Bonjour à l'équipe support,"},
		close: []string{"Cordialement,", "Merci d'avance,\nTél. {phone}", "Bien à vous",
			"Salutations distinguées\n{email}"},
		filler: []string{"Le montant total est de {amount}.", "Vous trouverez ci-joint le justificatif de la commande {order}.",
			"Je suis joignable au {phone} à partir de {time}.", "Merci pour votre patience.",
			"Le problème s'est reproduit hier à {time}.", "Dossier de référence : {ref}.",
			"Sur mon relevé figure l'opération {txid} du {date}.", "J'ai déjà appelé le service client deux fois.",
			"J'utilise la version 4.2.1 de l'application sur iPhone."},
		account: []string{
			"le virement SEPA de {amount} émis le {date} depuis le compte {iban} a été rejeté (motif AC04).",
			"je souhaite modifier mes coordonnées bancaires : mon nouvel IBAN est {iban}. Merci de me confirmer par e-mail à {email}.",
			"je constate sur le compte {iban} un prélèvement de {amount} du {date} que je ne reconnais pas (référence {order}).",
			"je demande la clôture du compte {iban} au {date} ; le solde doit être viré sur le compte joint."},
		card: []string{
			"ma carte {card} a été bloquée après trois codes PIN erronés. Pouvez-vous la débloquer ?",
			"j'ai perdu ma carte se terminant par {last4} ({card}). Merci de faire opposition immédiatement ; le compte associé est {iban}.",
			"le paiement de {amount} (commande {order}) a été refusé le {date} avec la carte n° {card}."},
		general: []string{
			"je n'arrive plus à me connecter à l'application depuis le {date} : erreur E-{err} après la saisie du code SMS.",
			"merci de mettre à jour mon numéro de téléphone : {phone}. Mon adresse e-mail reste {email}.",
			"est-il possible de recevoir mes relevés en PDF à l'adresse {email} ?"},
		accountSubj: []string{"Virement SEPA rejeté", "Changement d'IBAN", "Prélèvement non reconnu", "Demande de relevé",
			"Problème de virement du {date}"},
		cardSubj: []string{"Carte bloquée", "Paiement refusé", "Opposition carte - urgent"},
		generalSubj: []string{"Connexion impossible à l'application", "Mise à jour du numéro de téléphone",
			"Demande d'information", "Erreur E-{err} à la connexion"},
		reply: []string{"Bonjour,\nnous avons vérifié votre demande et l'opération est maintenant régularisée. " +
			"Pour toute question, répondez à ce message.\n{agentemail}"},
		notes: []string{"Préfère être contacté au {phone}.", "Envoyer les factures à {email}.",
			"Remboursements sur le compte {iban}.", "Interlocuteur pour la migration du {date}.", "Ne pas appeler avant {time}."},
	},
	locDE: {
		greet: []string{"Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo Support-Team,"},
		close: []string{"Mit freundlichen Grüßen", "Vielen Dank im Voraus\nTel. {phone}", "Viele Grüße",
			"Freundliche Grüße\n{email}"},
		filler: []string{"Der Gesamtbetrag beträgt {amount}.", "Im Anhang finden Sie den Beleg zur Bestellung {order}.",
			"Sie erreichen mich unter {phone} ab {time} Uhr.", "Vielen Dank für Ihre Geduld.",
			"Das Problem trat gestern um {time} erneut auf.", "Vorgangsnummer: {ref}.",
			"Auf dem Kontoauszug steht die Buchung {txid} vom {date}.", "Ich habe schon zweimal bei der Hotline angerufen.",
			"Ich nutze Version 4.2.1 der App auf Android."},
		account: []string{
			"die SEPA-Überweisung über {amount} vom {date} von meinem Konto {iban} wurde mit dem Grund AC04 zurückgewiesen.",
			"bitte ändern Sie meine Bankverbindung: meine neue IBAN lautet {iban}. Bitte bestätigen Sie per E-Mail an {email}.",
			"auf dem Konto {iban} sehe ich eine Abbuchung über {amount} vom {date}, die ich nicht zuordnen kann (Referenz {order}).",
			"ich kündige das Konto {iban} zum {date}; das Restguthaben bitte auf das Gemeinschaftskonto überweisen."},
		card: []string{
			"meine Karte {card} wurde nach dreimaliger falscher PIN-Eingabe gesperrt. Können Sie sie entsperren?",
			"ich habe meine Karte mit der Endung {last4} ({card}) verloren. Bitte sperren Sie sie sofort; das zugehörige Konto ist {iban}.",
			"die Zahlung über {amount} (Bestellung {order}) wurde am {date} mit der Karte Nr. {card} abgelehnt."},
		general: []string{
			"seit dem {date} kann ich mich nicht mehr in der App anmelden: nach Eingabe der TAN erscheint Fehler E-{err}.",
			"bitte aktualisieren Sie meine Telefonnummer: {phone}. Meine E-Mail-Adresse bleibt {email}.",
			"kann ich meine Kontoauszüge als PDF an {email} erhalten?"},
		accountSubj: []string{"SEPA-Überweisung abgelehnt", "Änderung der IBAN", "Unbekannte Abbuchung",
			"Kontoauszug angefordert", "Problem mit Überweisung vom {date}"},
		cardSubj: []string{"Karte gesperrt", "Kartenzahlung abgelehnt", "Kartenverlust – bitte sperren"},
		generalSubj: []string{"Anmeldung in der App nicht möglich", "Neue Telefonnummer", "Allgemeine Anfrage",
			"Fehler E-{err} bei der Anmeldung"},
		reply: []string{"Guten Tag,\nwir haben Ihr Anliegen geprüft, die Buchung ist jetzt korrigiert. " +
			"Bei Fragen antworten Sie einfach auf diese Nachricht.\n{agentemail}"},
		notes: []string{"Bevorzugt Anrufe unter {phone}.", "Rechnungen an {email} senden.",
			"Erstattungen auf das Konto {iban}.", "Ansprechpartner für die Migration am {date}.", "Nicht vor {time} Uhr anrufen."},
	},
	locEN: {
		greet: []string{"Hello,", "Dear support team,", "Hi,"},
		close: []string{"Kind regards", "Thanks in advance,\nTel. {phone}", "Best wishes",
			"Yours sincerely\n{email}"},
		filler: []string{"The total amount is {amount}.", "Please find attached the receipt for order {order}.",
			"You can reach me on {phone} after {time}.", "Thank you for your patience.",
			"The problem happened again yesterday at {time}.", "Case reference: {ref}.",
			"My statement shows transaction {txid} on {date}.", "I have already called the helpline twice.",
			"I am using version 4.2.1 of the app on iOS."},
		account: []string{
			"the SEPA transfer of {amount} sent on {date} from account {iban} was returned with reason AC04.",
			"please update my bank details: my new IBAN is {iban}. Kindly confirm by e-mail to {email}.",
			"I can see a debit of {amount} dated {date} on account {iban} that I do not recognise (reference {order}).",
			"please close account {iban} on {date} and transfer the remaining balance to our joint account."},
		card: []string{
			"my card {card} was blocked after three wrong PIN attempts. Could you unblock it?",
			"I have lost my card ending in {last4} ({card}). Please block it immediately; the linked account is {iban}.",
			"a payment of {amount} (order {order}) was declined on {date} with card no. {card}."},
		general: []string{
			"since {date} I cannot log in to the app: after entering the SMS code it shows error E-{err}.",
			"please update my phone number to {phone}. My e-mail address stays {email}.",
			"could I receive my statements as PDF at {email}?"},
		accountSubj: []string{"SEPA transfer rejected", "Change of IBAN", "Unrecognised debit", "Statement request",
			"Problem with transfer of {date}"},
		cardSubj:    []string{"Card blocked", "Card payment declined", "Lost card - please block"},
		generalSubj: []string{"Cannot log in to the app", "New phone number", "General enquiry", "Error E-{err} at login"},
		reply: []string{"Dear customer,\nwe have checked your request and the transaction has now been corrected. " +
			"If you have any questions, just reply to this message.\n{agentemail}"},
		notes: []string{"Prefers to be called on {phone}.", "Send invoices to {email}.", "Refunds to account {iban}.",
			"Contact for the migration on {date}.", "Do not call before {time}."},
	},
}

// Internal tickets (no customer) are written by staff, in English.
var (
	rawInternal = []string{
		"Nightly batch {ref} failed at {time}: 37 SEPA files rejected by the clearing house.\nOn call: {agentemail}.",
		"Certificate of the card gateway expires on {date}. Please renew before the release.\nOwner: {agentemail}",
		"Customer export {order} for the auditors contains {amount} of unreconciled items; see transaction {txid}.",
	}
	rawInternalSubj = []string{"Batch failure", "Certificate renewal", "Reconciliation export", "[internal] follow-up"}
)
