<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupDialogs</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="47" />
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="48" />
        <source>On closing</source>
        <translation>Beim Beenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="49" />
        <source>Before update</source>
        <translation>Vor Aktualisierung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="50" />
        <source>Before import</source>
        <translation>Vor Import</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="51" />
        <source>Before restore</source>
        <translation>Vor Wiederherstellung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="73" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="76" />
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="77" />
        <source>Backup saved:</source>
        <translation>Sicherung gespeichert:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="86" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="145" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="161" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="172" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="180" />
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="93" />
        <source>Choose a backup. The current database is saved as a safety copy first, so the restore can be undone.</source>
        <translation>Wählen Sie eine Sicherung. Die aktuelle Datenbank wird vorher als Sicherheitskopie abgelegt; die Wiederherstellung lässt sich also rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="99" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="101" />
        <source>Occasion</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="103" />
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="106" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="108" />
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="119" />
        <source>Backup folder:</source>
        <translation>Sicherungsordner:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="124" />
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="125" />
        <source>Other file…</source>
        <translation>Andere Datei…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="146" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="225" />
        <source>Databases (*.sqlite3 *.sqlite *.db)</source>
        <translation>Datenbanken (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="162" />
        <source>Replace the current database with this backup?</source>
        <translation>Die aktuelle Datenbank durch diese Sicherung ersetzen?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="164" />
        <source>The current state is saved as a safety copy first.</source>
        <translation>Der aktuelle Stand wird vorher als Sicherheitskopie gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="176" />
        <source>The backup was restored.</source>
        <translation>Die Sicherung wurde wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="178" />
        <source>The previous state was saved as:</source>
        <translation>Der vorherige Stand wurde gespeichert als:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="190" />
        <source>Backup on closing</source>
        <translation>Sicherung beim Beenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="199" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="202" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="210" />
        <source>Database damaged</source>
        <translation>Datenbank beschädigt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="204" />
        <source>Restore this backup now?</source>
        <translation>Diese Sicherung jetzt wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="224" />
        <location filename="../../kundenportfolio/ui/dialogs/backup_dialogs.py" line="234" />
        <source>Move database</source>
        <translation>Datenbank verschieben</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="52" />
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="148" />
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="59" />
        <source>Default folder: %1</source>
        <translation>Standardordner: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="60" />
        <source>Choose folder…</source>
        <translation>Ordner wählen…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="61" />
        <source>Use default folder</source>
        <translation>Standardordner verwenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="68" />
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="71" />
        <source>For example a USB drive or a network drive; empty: the default folder. If the folder cannot be reached when a backup is due, automatic backups go to the default folder instead and «Back up now» reports the problem. Existing backups stay in the previous folder (restore them with «Restore backup… › Other file…»).</source>
        <translation>Zum Beispiel ein USB-Stick oder ein Netzlaufwerk; leer: der Standardordner. Ist der Ordner beim Sichern nicht erreichbar, gehen automatische Sicherungen stattdessen in den Standardordner, und «Jetzt sichern» meldet das Problem. Bisherige Sicherungen bleiben im alten Ordner (zurückholen mit «Sicherung wiederherstellen… › Andere Datei…»).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="77" />
        <source>How many backups are kept</source>
        <translation>Wie viele Sicherungen aufbewahrt werden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="81" />
        <source>After every backup, older backups of this database are deleted, except:</source>
        <translation>Nach jeder Sicherung werden ältere Sicherungen dieser Datenbank gelöscht, ausser:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="82" />
        <source>backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="82" />
        <source>backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="83" />
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="83" />
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="84" />
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="84" />
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="85" />
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="85" />
        <source>months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="86" />
        <source>the most recent:</source>
        <translation>die neuesten:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="87" />
        <source>the newest of each day, for:</source>
        <translation>je Tag die neueste, für:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="89" />
        <source>the newest of each week, for:</source>
        <translation>je Woche die neueste, für:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="92" />
        <source>the newest of each month, for:</source>
        <translation>je Monat die neueste, für:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="97" />
        <source>Customer data that was erased for privacy reasons remains in older backups until they are deleted.</source>
        <translation>Aus Datenschutzgründen gelöschte (anonymisierte) Kundendaten bleiben in älteren Sicherungen enthalten, bis diese gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="101" />
        <source>Backup when closing the program</source>
        <translation>Sicherung beim Beenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="104" />
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="104" />
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="105" />
        <source>at most every </source>
        <translation>höchstens alle </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="106" />
        <source>every time</source>
        <translation>bei jedem Beenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="108" />
        <source>Back up on closing:</source>
        <translation>Beim Beenden sichern:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="110" />
        <source>Backups before an import and before a program update are always made.</source>
        <translation>Vor einem Import und vor einer Programmaktualisierung wird immer gesichert.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="149" />
        <source>Keep the most recent backups</source>
        <translation>Neueste Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="150" />
        <source>Keep daily backups</source>
        <translation>Tägliche Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="151" />
        <source>Keep weekly backups</source>
        <translation>Wöchentliche Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="152" />
        <source>Keep monthly backups</source>
        <translation>Monatliche Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="153" />
        <source>Back up on closing</source>
        <translation>Sicherung beim Beenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="164" />
        <source>Please give the complete path of the folder, e.g. %1, or use «Choose folder…».</source>
        <translation>Bitte den vollständigen Pfad des Ordners angeben, z. B. %1, oder «Ordner wählen…» verwenden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="171" />
        <source>This is a file, not a folder.</source>
        <translation>Das ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="174" />
        <source>This folder cannot be reached at the moment (USB drive not plugged in?). The next backup creates it if it can; otherwise automatic backups go to the default folder.</source>
        <translation>Dieser Ordner ist zurzeit nicht erreichbar (USB-Stick nicht eingesteckt?). Die nächste Sicherung legt ihn an, wenn das geht; sonst gehen automatische Sicherungen in den Standardordner.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="179" />
        <source>The program may not write to this folder; automatic backups would go to the default folder.</source>
        <translation>In diesen Ordner darf das Programm nicht schreiben; automatische Sicherungen würden in den Standardordner gehen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="187" />
        <source>Choose backup folder</source>
        <translation>Sicherungsordner wählen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_backup.py" line="205" />
        <source>So at most %1 backups of this database are kept.</source>
        <translation>Damit werden höchstens %1 Sicherungen dieser Datenbank aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="27" />
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="28" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="33" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="43" />
        <source>Target groups (none: all)</source>
        <translation>Zielgruppen (keine: alle)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="44" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="45" />
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="49" />
        <source>Budget (optional)</source>
        <translation>Budget (optional)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="55" />
        <source>Please enter a name.</source>
        <translation>Bitte einen Namen eingeben.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="62" />
        <source>Please choose an instrument.</source>
        <translation>Bitte ein Instrument wählen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/campaign_dialog.py" line="66" />
        <source>The end lies before the start.</source>
        <translation>Das Ende liegt vor dem Beginn.</translation>
    </message>
</context>
<context>
    <name>CampaignTexts</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="20" />
        <source>No participants — nothing to evaluate.</source>
        <translation>Keine Teilnehmer – nichts auszuwerten.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="22" />
        <source>Not final yet: the comparison period ends on %3. So far the Kundenwert per participant changed by %1 relative to the comparison group.</source>
        <translation>Noch nicht abschliessend: Der Vergleichszeitraum endet am %3. Bisher hat sich der Kundenwert pro Teilnehmer gegenüber der Vergleichsgruppe um %1 verändert.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="25" />
        <source>Worthwhile: Kundenwert per participant %1 better than the comparison group, more than the cost of %2 per participant.</source>
        <translation>Lohnend: Kundenwert pro Teilnehmer %1 besser als die Vergleichsgruppe, mehr als die Kosten von %2 pro Teilnehmer.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="28" />
        <source>Effect, but cost not covered: Kundenwert per participant %1 better than the comparison group, cost %2 per participant.</source>
        <translation>Wirkung, aber Kosten nicht gedeckt: Kundenwert pro Teilnehmer %1 besser als die Vergleichsgruppe, Kosten %2 pro Teilnehmer.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="31" />
        <source>No effect visible: participants did not develop better than the comparison group (%1 per participant).</source>
        <translation>Keine Wirkung erkennbar: Die Teilnehmer haben sich nicht besser entwickelt als die Vergleichsgruppe (%1 pro Teilnehmer).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="36" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="47" />
        <source>Standard strategy: %1</source>
        <translation>Normstrategie: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="49" />
        <source>Contact due after %1 days. Fitting instruments: %2</source>
        <translation>Kontakt fällig nach %1 Tagen. Passende Instrumente: %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaign_texts.py" line="61" />
        <source>%1 customers; without responsible person: %2; main contact is not the responsible person: %3; with open complaints: %4; revenue rising: %5, falling: %6; unprofitable: %7</source>
        <translation>%1 Kunden; ohne Betreuer: %2; Hauptkontakt ist nicht der Betreuer: %3; mit offenen Reklamationen: %4; Umsatz steigend: %5, fallend: %6; unrentabel: %7</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="91" />
        <source>Instrument catalogue</source>
        <translation>Instrumentenkatalog</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="92" />
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="93" />
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="101" />
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="108" />
        <source>all groups</source>
        <translation>alle Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="109" />
        <source>only Star and Ertrag</source>
        <translation>nur Star- und Ertragskunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="110" />
        <source>individual</source>
        <translation>individuell</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="111" />
        <source>group-specific</source>
        <translation>gruppenspezifisch</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="113" />
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="185" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="114" />
        <source>Scope</source>
        <translation>Einsatz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="115" />
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="116" />
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="116" />
        <source>Advertising</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="117" />
        <source>Service contact</source>
        <translation>Servicekontakt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="118" />
        <source>Cost per participant</source>
        <translation>Kosten pro Teilnehmer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="122" />
        <source>Retired</source>
        <translation>Ausgemustert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="124" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="128" />
        <source>Show retired instruments</source>
        <translation>Ausgemusterte Instrumente zeigen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="130" />
        <source>Retire</source>
        <translation>Ausmustern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="132" />
        <source>New instrument…</source>
        <translation>Neues Instrument…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="134" />
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="151" />
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="152" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="153" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="154" />
        <source>Kundenwert</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="157" />
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="171" />
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="184" />
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="392" />
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="186" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="188" />
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="190" />
        <source>Target groups</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="191" />
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="194" />
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="196" />
        <source>Took part</source>
        <translation>Teilgenommen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="205" />
        <source>New campaign…</source>
        <translation>Neue Kampagne…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="206" />
        <source>Propose participants</source>
        <translation>Teilnehmer vorschlagen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="207" />
        <source>Mark all as participated</source>
        <translation>Alle als teilgenommen markieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="208" />
        <source>Export participants…</source>
        <translation>Teilnehmer exportieren…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="263" />
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="296" />
        <source>Computing suggestions…</source>
        <translation>Vorschläge werden berechnet…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="305" />
        <source>The suggestions could not be computed: %1</source>
        <translation>Die Vorschläge konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="319" />
        <source>%1 suggestions</source>
        <translation>%1 Vorschläge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="444" />
        <source>Export participants</source>
        <translation>Teilnehmer exportieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/campaigns_view.py" line="445" />
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV für Excel (*.csv)</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="289" />
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="304" />
        <source>Check cancelled. Go back and try again.</source>
        <translation>Prüfung abgebrochen. Bitte zurückgehen und nochmals versuchen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="307" />
        <source>The file cannot be imported: %n faulty row(s). Nothing has been changed. Correct the file and check again.</source>
        <translation>
            <numerusform>Die Datei kann nicht importiert werden: %n fehlerhafte Zeile. Es wurde nichts geändert. Bitte die Datei korrigieren und nochmals prüfen.</numerusform>
            <numerusform>Die Datei kann nicht importiert werden: %n fehlerhafte Zeilen. Es wurde nichts geändert. Bitte die Datei korrigieren und nochmals prüfen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="311" />
        <source>The file cannot be imported. Nothing has been changed. Correct the file or the choices on the previous page and check again.</source>
        <translation>Die Datei kann nicht importiert werden. Es wurde nichts geändert. Bitte die Datei oder die Angaben auf der vorigen Seite korrigieren und nochmals prüfen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="319" />
        <source>The file is fine. Click Import to apply it.</source>
        <translation>Die Datei ist in Ordnung. Mit «Importieren» übernehmen.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="37" />
        <source>Log contact</source>
        <translation>Kontakt erfassen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="37" />
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="39" />
        <source>Date and time</source>
        <translation>Datum und Zeit</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="41" />
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="43" />
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="45" />
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="49" />
        <source>Staff member</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="50" />
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="51" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="52" />
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="53" />
        <source>complaint still open</source>
        <translation>Reklamation noch offen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="55" />
        <source>Complaint</source>
        <translation>Reklamation</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="59" />
        <source>Revenue impact</source>
        <translation>Umsatzwirkung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="60" />
        <source>buys from a competitor</source>
        <translation>kauft bei Konkurrenz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/contact_dialog.py" line="62" />
        <source>Competition</source>
        <translation>Konkurrenz</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/cost_dialog.py" line="29" />
        <source>New cost</source>
        <translation>Neue Betreuungskosten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/cost_dialog.py" line="29" />
        <source>Edit cost</source>
        <translation>Betreuungskosten bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/cost_dialog.py" line="30" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/cost_dialog.py" line="32" />
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/cost_dialog.py" line="36" />
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/cost_dialog.py" line="37" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="89" />
        <source>Master data</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="90" />
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="91" />
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="92" />
        <source>Relationship costs</source>
        <translation>Betreuungskosten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="93" />
        <source>Revenue per year</source>
        <translation>Umsatz je Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="94" />
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="98" />
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="113" />
        <source>Why this group?</source>
        <translation>Warum diese Gruppe?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="130" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="132" />
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="133" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="144" />
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="134" />
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="146" />
        <source>Log contact</source>
        <translation>Kontakt erfassen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="148" />
        <source>More…</source>
        <translation>Mehr…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="159" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="171" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="294" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="160" />
        <source>Order no.</source>
        <translation>Auftragsnr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="161" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="173" />
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="162" />
        <source>Discounts</source>
        <translation>Erlösschmälerungen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="163" />
        <source>Net revenue</source>
        <translation>Nettoerlös</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="164" />
        <source>Cost of goods</source>
        <translation>Wareneinsatz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="165" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="174" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="167" />
        <source>New order…</source>
        <translation>Neuer Auftrag…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="172" />
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="176" />
        <source>New cost…</source>
        <translation>Neue Betreuungskosten…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="196" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="209" />
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="199" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="212" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="214" />
        <source>Deletes the selected row (Del key).</source>
        <translation>Löscht die gewählte Zeile (Taste Entf).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="293" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="295" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="296" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="297" />
        <source>Customer value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="298" />
        <source>Movement</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="304" />
        <source>No group history yet. The groups of a period are recorded with «Save groups of this period to the history» in the Portfolio section.</source>
        <translation>Noch kein Gruppenverlauf. Die Gruppen eines Zeitraums werden im Bereich Portfolio mit «Gruppen dieses Zeitraums im Verlauf speichern» festgehalten.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="351" />
        <source>(fixed)</source>
        <translation>(fest zugeordnet)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="353" />
        <source>Rank %1 of %2</source>
        <translation>Rang %1 von %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="358" />
        <source>Customer value %1 %2</source>
        <translation>Kundenwert %1 %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="362" />
        <source>ABC class %1</source>
        <translation>ABC-Klasse %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="459" />
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="509" />
        <source>Delete contact</source>
        <translation>Kontakt löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="460" />
        <source>This contact was logged with an order. To delete it, delete the order in the Orders tab; its contact goes with it.</source>
        <translation>Dieser Kontakt wurde mit einem Auftrag erfasst. Um ihn zu löschen, löschen Sie den Auftrag im Reiter «Aufträge»; der Kontakt wird dabei mitgelöscht.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="464" />
        <source>Edit › Undo brings it back.</source>
        <translation>Mit Bearbeiten › Rückgängig lässt sich das Löschen zurücknehmen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="486" />
        <source>Delete order %3 of %1 over %2?</source>
        <translation>Auftrag %3 vom %1 über %2 löschen?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="487" />
        <source>Delete the order of %1 over %2?</source>
        <translation>Auftrag vom %1 über %2 löschen?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="494" />
        <source>Its contact «%1» in the contact log is deleted with it.</source>
        <translation>Der zugehörige Kontakt «%1» wird mitgelöscht.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="497" />
        <source>Delete order</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="500" />
        <source>Delete the relationship cost «%1» of %2 over %3?</source>
        <translation>Betreuungskosten «%1» vom %2 über %3 löschen?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="503" />
        <source>Delete relationship cost</source>
        <translation>Betreuungskosten löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_detail.py" line="507" />
        <source>Delete the contact «%1» of %2?</source>
        <translation>Kontakt «%1» vom %2 löschen?</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="126" />
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="127" />
        <source>Edit customer %1</source>
        <translation>Kunde %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="65" />
        <source>Customer no.</source>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="65" />
        <source>Name / company</source>
        <translation>Name / Firma</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="66" />
        <source>Contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="66" />
        <source>Street</source>
        <translation>Strasse</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="67" />
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="67" />
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="68" />
        <source>Country (CH, DE, AT)</source>
        <translation>Land (CH, DE, AT)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="68" />
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="194" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="69" />
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="194" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="69" />
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="70" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="74" />
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="77" />
        <source>Account manager</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="78" />
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="80" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="81" />
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="82" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="183" />
        <source>agrees to advertising</source>
        <translation>ist mit Werbung einverstanden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="185" />
        <source>Marketing consent</source>
        <translation>Werbeeinwilligung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="86" />
        <source>Demand potential per year</source>
        <translation>Bedarfspotenzial pro Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="89" />
        <source>Payment behaviour (1–5)</source>
        <translation>Zahlungsverhalten (1–5)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="90" />
        <source>Reference value (1–5)</source>
        <translation>Referenzwert (1–5)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="91" />
        <source>Relationship quality (1–5)</source>
        <translation>Beziehungsqualität (1–5)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="95" />
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="99" />
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="103" />
        <source>Fixed group</source>
        <translation>Feste Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="104" />
        <source>Reason for fixed group</source>
        <translation>Grund für feste Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="107" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="121" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="188" />
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="205" />
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="194" />
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="195" />
        <source>Trade fair</source>
        <translation>Messe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="195" />
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="199" />
        <source>e.g. form</source>
        <translation>z. B. Formular</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="200" />
        <source>Consent given on</source>
        <translation>Einwilligung am</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="202" />
        <source>via</source>
        <translation>über</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="208" />
        <source>Filled in when the consent is withdrawn. A customer may also object to advertising without ever having consented.</source>
        <translation>Wird eingetragen, wenn die Einwilligung widerrufen wird. Ein Kunde kann der Werbung auch widersprechen, ohne je eingewilligt zu haben.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="210" />
        <source>Opted out on</source>
        <translation>Widerspruch am</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="274" />
        <source>Please enter the date of the consent.</source>
        <translation>Bitte das Datum der Einwilligung angeben.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="278" />
        <source>Please enter how the consent was given (e.g. form, phone).</source>
        <translation>Bitte angeben, wie die Einwilligung erteilt wurde (z. B. Formular, Telefon).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="284" />
        <source>Please enter the date of the opt-out.</source>
        <translation>Bitte das Datum des Widerspruchs angeben.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="287" />
        <source>The opt-out cannot be earlier than the consent (%1).</source>
        <translation>Der Widerspruch kann nicht vor der Einwilligung (%1) liegen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="301" />
        <source>The date %1 is in the future.</source>
        <translation>Das Datum %1 liegt in der Zukunft.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="322" />
        <source>This customer may already exist:</source>
        <translation>Diesen Kunden gibt es vielleicht schon:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="326" />
        <source>Open %1 %2 (%3)</source>
        <translation>%1 %2 öffnen (%3)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="331" />
        <source>Click Save again to store it anyway.</source>
        <translation>Nochmals «Speichern» klicken, um ihn trotzdem zu speichern.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/customer_dialog.py" line="334" />
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="52" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="53" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="54" />
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="55" />
        <source>Account manager</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="56" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="57" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="58" />
        <source>Customer value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="59" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="60" />
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="61" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="67" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/customer_table.py" line="68" />
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
</context>
<context>
    <name>CustomerWriter</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="47" />
        <source>Cannot redo</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="48" />
        <source>«%1» could not be redone: %2</source>
        <translation>«%1» lässt sich nicht wiederherstellen: %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="51" />
        <source>Cannot undo</source>
        <translation>Rückgängig machen nicht möglich</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="52" />
        <source>«%1» could not be undone: %2</source>
        <translation>«%1» lässt sich nicht rückgängig machen: %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="113" />
        <source>Edit customer %1</source>
        <translation>Kunde %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="133" />
        <source>Log contact</source>
        <translation>Kontakt erfassen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="144" />
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="148" />
        <source>Delete contact</source>
        <translation>Kontakt löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="157" />
        <source>Record order</source>
        <translation>Auftrag erfassen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="161" />
        <source>Edit order</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="166" />
        <source>Delete order</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="175" />
        <source>Record cost</source>
        <translation>Betreuungskosten erfassen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="178" />
        <source>Edit cost</source>
        <translation>Betreuungskosten bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="182" />
        <source>Delete cost</source>
        <translation>Betreuungskosten löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="226" />
        <location filename="../../kundenportfolio/ui/views/customer_writes.py" line="249" />
        <source>The record no longer exists.</source>
        <translation>Den Eintrag gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="88" />
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="176" />
        <source>All account managers</source>
        <translation>Alle Betreuer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="95" />
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="79" />
        <source>Search number, name, place, contact person, phone, e-mail (%1)</source>
        <translation>Suche nach Nummer, Name, Ort, Ansprechpartner, Telefon, E-Mail (%1)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="96" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="97" />
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="122" />
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="492" />
        <source>Delete customer</source>
        <translation>Kunde löschen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="291" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="428" />
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="429" />
        <source>The database is still being checked for damage; changes can be saved in a moment. Nothing was changed.</source>
        <translation>Die Datenbank wird noch auf Schäden geprüft; Änderungen lassen sich gleich speichern. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="457" />
        <source>Please select a customer first.</source>
        <translation>Bitte zuerst einen Kunden auswählen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="480" />
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="481" />
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="482" />
        <source>%n relationship cost record(s)</source>
        <translation>
            <numerusform>%n Betreuungskosten-Eintrag</numerusform>
            <numerusform>%n Betreuungskosten-Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="483" />
        <source>%n campaign participation(s)</source>
        <translation>
            <numerusform>%n Kampagnenteilnahme</numerusform>
            <numerusform>%n Kampagnenteilnahmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="485" />
        <source>%n group history record(s)</source>
        <translation>
            <numerusform>%n Eintrag im Gruppenverlauf</numerusform>
            <numerusform>%n Einträge im Gruppenverlauf</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="487" />
        <source>Delete customer %1 %2?</source>
        <translation>Kunde %1 %2 löschen?</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="490" />
        <source>This also deletes: %1.</source>
        <translation>Damit werden auch gelöscht: %1.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/customers_view.py" line="491" />
        <source>This cannot be undone.</source>
        <translation>Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/error_dialog.py" line="31" />
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/error_dialog.py" line="40" />
        <source>An unexpected error occurred. What was already saved is safe; the program keeps running.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Bereits Gespeichertes ist sicher; das Programm läuft weiter.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/error_dialog.py" line="45" />
        <source>The details were written to the log file:</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/error_dialog.py" line="56" />
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/error_dialog.py" line="65" />
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="127" />
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="128" />
        <source>CSV or Excel (.xlsx). Everything is imported, or nothing.</source>
        <translation>CSV oder Excel (.xlsx). Es wird alles importiert oder nichts.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="130" />
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="130" />
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="131" />
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="131" />
        <source>Relationship costs</source>
        <translation>Betreuungskosten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="137" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="141" />
        <source>Create customers for unknown customer numbers</source>
        <translation>Kunden für unbekannte Kundennummern anlegen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="148" />
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="149" />
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="150" />
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="158" />
        <source>Choose a file to import</source>
        <translation>Datei zum Importieren wählen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="159" />
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Tabellen (*.csv *.xlsx *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="122" />
        <source>At risk of leaving</source>
        <translation>Abwanderungsgefahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="126" />
        <source> × the usual interval between orders</source>
        <translation> × üblicher Bestellabstand</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="131" />
        <source> % per year</source>
        <translation> % pro Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="133" />
        <source>when there has been no order for longer than:</source>
        <translation>bei einer Bestellpause länger als:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="135" />
        <source>or when revenue falls by at least:</source>
        <translation>oder wenn der Umsatz sinkt um mindestens:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="138" />
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="170" />
        <source>Large one-off orders</source>
        <translation>Grossaufträge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="142" />
        <source> × the customer's typical order (median)</source>
        <translation> × üblicher Auftrag des Kunden (Median)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="143" />
        <source>An order counts as one from:</source>
        <translation>Ein Auftrag gilt als Grossauftrag ab:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="146" />
        <source>Large one-off orders are pointed out in the revenue per year as a reason for a swing. Only customers with at least three orders are checked.</source>
        <translation>Grossaufträge werden beim Umsatz je Jahr als möglicher Grund für einen Ausschlag genannt. Geprüft werden nur Kunden mit mindestens drei Aufträgen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="168" />
        <source>At risk: pause in orders</source>
        <translation>Abwanderungsgefahr: Bestellpause</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="169" />
        <source>At risk: falling revenue</source>
        <translation>Abwanderungsgefahr: sinkender Umsatz</translation>
    </message>
</context>
<context>
    <name>ForecastRunner</name>
    <message>
        <location filename="../../kundenportfolio/ui/forecast_runner.py" line="55" />
        <source>The forecast could not be computed: %1</source>
        <translation>Die Prognose konnte nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="63" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="64" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="65" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="66" />
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="67" />
        <source>Low (10 %)</source>
        <translation>Untergrenze (10 %)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="68" />
        <source>High (90 %)</source>
        <translation>Obergrenze (90 %)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="71" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="72" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="73" />
        <source>Customer value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="74" />
        <source>Expected next 12 months</source>
        <translation>Erwartet nächste 12 Monate</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="76" />
        <source>Why at risk</source>
        <translation>Grund der Abwanderungsgefahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="157" />
        <source>Export plan…</source>
        <translation>Plan exportieren…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="172" />
        <source>Planning table</source>
        <translation>Planungstabelle</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="173" />
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="174" />
        <source>At risk</source>
        <translation>Abwanderungsgefahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="228" />
        <source>Computing the forecast…</source>
        <translation>Prognose wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="237" />
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="237" />
        <source>No group</source>
        <translation>Ohne Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="250" />
        <source>learned mixture</source>
        <translation>gelernte Mischung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="251" />
        <source>damped trend (few customers or short history)</source>
        <translation>gedämpfter Trend (wenige Kunden oder kurze Historie)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="253" />
        <source>Forecast from %1 for 12 months: %2 expected (%3). %4 customers at risk.</source>
        <translation>Prognose ab %1 für 12 Monate: %2 erwartet (%3). %4 Kunden mit Abwanderungsgefahr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="298" />
        <source>Export plan</source>
        <translation>Plan exportieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/forecast_view.py" line="299" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/base.py" line="102" />
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="64" />
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="71" />
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="79" />
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="79" />
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="80" />
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="80" />
        <source>Relationship costs</source>
        <translation>Betreuungskosten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="86" />
        <source>Checking the file…</source>
        <translation>Datei wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="86" />
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="87" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="112" />
        <source>Import cancelled. Nothing was changed.</source>
        <translation>Import abgebrochen. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>InstrumentDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="27" />
        <source>New instrument</source>
        <translation>Neues Instrument</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="28" />
        <source>Edit instrument</source>
        <translation>Instrument bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="29" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="30" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="33" />
        <source>all groups</source>
        <translation>alle Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="34" />
        <source>only Star and Ertrag</source>
        <translation>nur Star- und Ertragskunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="35" />
        <source>individual</source>
        <translation>individuell</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="36" />
        <source>group-specific</source>
        <translation>gruppenspezifisch</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="39" />
        <source>Scope</source>
        <translation>Einsatz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="49" />
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="50" />
        <source>Advertising (needs marketing consent)</source>
        <translation>Werbung (braucht Werbeeinwilligung)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/instrument_dialog.py" line="56" />
        <source>Cost per participant</source>
        <translation>Kosten pro Teilnehmer</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="8" />
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="9" />
        <source>Inquiry</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="10" />
        <source>Offer</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="11" />
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="12" />
        <source>Complaint</source>
        <translation>Reklamation</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="13" />
        <location filename="../../kundenportfolio/ui/labels.py" line="19" />
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="14" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="15" />
        <source>Trade fair/event</source>
        <translation>Messe/Event</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="16" />
        <location filename="../../kundenportfolio/ui/labels.py" line="25" />
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="20" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="21" />
        <source>Complaint handling</source>
        <translation>Reklamationsbearbeitung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="22" />
        <source>Promotional gift</source>
        <translation>Werbegeschenk</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="23" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="24" />
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="28" />
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/labels.py" line="29" />
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
</context>
<context>
    <name>LocationWarning</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/location_warning.py" line="32" />
        <source>Database location</source>
        <translation>Speicherort der Datenbank</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/location_warning.py" line="34" />
        <source>Move database…</source>
        <translation>Datenbank verschieben…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/location_warning.py" line="36" />
        <source>Keep it here</source>
        <translation>Hier lassen</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/lock_dialog.py" line="38" />
        <source>Database already open</source>
        <translation>Datenbank bereits geöffnet</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/lock_dialog.py" line="40" />
        <source>You can open it read-only (view and print, no changes) or quit.</source>
        <translation>Sie können sie schreibgeschützt öffnen (ansehen und drucken, keine Änderungen) oder das Programm beenden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/lock_dialog.py" line="42" />
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/lock_dialog.py" line="44" />
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="165" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="167" />
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="101" />
        <location filename="../../kundenportfolio/ui/main_window.py" line="125" />
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="98" />
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="193" />
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="195" />
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="197" />
        <source>Ranking</source>
        <translation>Rangliste</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="199" />
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="201" />
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="203" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="294" />
        <source>Groups of %1 saved to the group history.</source>
        <translation>Gruppen von %1 in der Gruppenhistorie gespeichert.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="301" />
        <source>Computing customer values…</source>
        <translation>Kundenwerte werden berechnet…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="326" />
        <source>Computing %1 …</source>
        <translation>Berechne %1 …</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="349" />
        <source>The new language is used from the next start of the program.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Programmstart.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/main_window.py" line="363" />
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="364" />
        <source>Period: %1</source>
        <translation>Zeitraum: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="384" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="386" />
        <source>&amp;New customer…</source>
        <translation>&amp;Neuer Kunde…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="388" />
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="389" />
        <source>&amp;Export list…</source>
        <translation>Liste &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="392" />
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="394" />
        <source>Save as P&amp;DF…</source>
        <translation>Als P&amp;DF speichern…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="396" />
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="397" />
        <source>&amp;Restore backup…</source>
        <translation>Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="400" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="401" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="402" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="404" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="409" />
        <source>&amp;Find customer</source>
        <translation>Kunde &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="410" />
        <source>New &amp;contact…</source>
        <translation>Neuer &amp;Kontakt…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="411" />
        <source>New &amp;order…</source>
        <translation>Neuer &amp;Auftrag…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="412" />
        <source>New relationship c&amp;ost…</source>
        <translation>Neue Betreuungsk&amp;osten…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="413" />
        <source>&amp;Delete customer…</source>
        <translation>Kunde &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="416" />
        <source>Export data &amp;information (JSON/PDF)…</source>
        <translation>Daten&amp;auskunft exportieren (JSON/PDF)…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="417" />
        <source>&amp;Anonymise customer…</source>
        <translation>Kunde a&amp;nonymisieren…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="419" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="423" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="424" />
        <source>&amp;About Kundenportfolio</source>
        <translation>&amp;Über Kundenportfolio</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="469" />
        <source>PDF saved: %1</source>
        <translation>PDF gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/main_window.py" line="474" />
        <source>%1 %2

Customer value, portfolio, forecasts and campaigns for small businesses.</source>
        <translation>%1 %2

Kundenwert, Kundenportfolio, Prognosen und Kampagnen für kleine Unternehmen.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="191" />
        <source>Preview and columns</source>
        <translation>Vorschau und Spalten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="192" />
        <source>Check which column of the file goes into which field. Fields marked * are required.</source>
        <translation>Prüfen, welche Spalte der Datei in welches Feld kommt. Mit * markierte Felder sind Pflicht.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="198" />
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="199" />
        <source>Comma (1.234,50)</source>
        <translation>Komma (1.234,50)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="200" />
        <source>Point (1'234.50 or 1,234.50)</source>
        <translation>Punkt (1'234.50 oder 1,234.50)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="202" />
        <source>Decimal mark</source>
        <translation>Dezimalzeichen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="234" />
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="234" />
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="234" />
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="235" />
        <source>%1: first %n row(s), encoding %2, separator %3</source>
        <translation>
            <numerusform>%1: die erste Zeile, Zeichensatz %2, Trennzeichen %3</numerusform>
            <numerusform>%1: die ersten %n Zeilen, Zeichensatz %2, Trennzeichen %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="241" />
        <source>%1, sheet %2: first %n row(s)</source>
        <translation>
            <numerusform>%1, Tabellenblatt %2: die erste Zeile</numerusform>
            <numerusform>%1, Tabellenblatt %2: die ersten %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="251" />
        <source>Several columns fit the field %1: %2. Choose the right one below.</source>
        <translation>Mehrere Spalten passen zum Feld %1: %2. Bitte unten die richtige wählen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="260" />
        <source>(not imported)</source>
        <translation>(nicht importiert)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="248" />
        <location filename="../../kundenportfolio/ui/dialogs/import_wizard.py" line="262" />
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
</context>
<context>
    <name>MovementsPanel</name>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="58" />
        <source>&lt;b&gt;Group moves&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gruppenwechsel&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="81" />
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="81" />
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="114" />
        <source>Choose two different periods.</source>
        <translation>Bitte zwei verschiedene Zeiträume wählen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="123" />
        <source>No customer changed group.</source>
        <translation>Kein Kunde hat die Gruppe gewechselt.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="130" />
        <source>The groups of %1 are being computed…</source>
        <translation>Die Gruppen für «%1» werden berechnet…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/movements_panel.py" line="145" />
        <source>The groups could not be computed: %1</source>
        <translation>Die Gruppen konnten nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>MovementsTableModel</name>
    <message>
        <location filename="../../kundenportfolio/ui/models/movements_table.py" line="27" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/movements_table.py" line="28" />
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/movements_table.py" line="29" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/movements_table.py" line="30" />
        <source>To</source>
        <translation>Nach</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="28" />
        <source>New order</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="28" />
        <source>Edit order</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="29" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="30" />
        <source>Order no.</source>
        <translation>Auftragsnr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="31" />
        <source>Amount excl. VAT</source>
        <translation>Betrag ohne MWST</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="33" />
        <source>Discounts and rebates</source>
        <translation>Rabatte, Boni, Skonto</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="36" />
        <source>Cost of goods (empty: default margin)</source>
        <translation>Wareneinsatz (leer: Standardmarge)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="38" />
        <source>credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="40" />
        <source>Credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/order_dialog.py" line="41" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>OutreachPage</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="37" />
        <source>Contact interval per group</source>
        <translation>Kontaktintervall je Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="40" />
        <source>A customer is shown as «Contact due» when the last contact is longer ago than:</source>
        <translation>Ein Kunde erscheint als «Kontakt fällig», wenn der letzte Kontakt länger zurückliegt als:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="45" />
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="73" />
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="45" />
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="73" />
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="54" />
        <source>Suggestions: «Customer value rising»</source>
        <translation>Vorschläge: «Kundenwert steigt»</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="64" />
        <source>Customers up to rank:</source>
        <translation>Kunden bis Rang:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="109" />
        <source>Customer value rising: up to rank</source>
        <translation>Kundenwert steigt: bis Rang</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="63" />
        <source> % per year</source>
        <translation> % pro Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="67" />
        <source>or revenue growing by at least:</source>
        <translation>oder mit Umsatzwachstum ab:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="70" />
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="111" />
        <source>Campaign evaluation</source>
        <translation>Kampagnenauswertung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="75" />
        <source>Compare before and after the start, each:</source>
        <translation>Verglichen werden vor und ab dem Start je:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="76" />
        <source>A longer campaign is compared over its own length.</source>
        <translation>Eine längere Kampagne wird über ihre ganze Dauer verglichen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="108" />
        <source>Contact interval</source>
        <translation>Kontaktintervall</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_outreach.py" line="110" />
        <source>Customer value rising: revenue growth</source>
        <translation>Kundenwert steigt: Umsatzwachstum</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/participants_panel.py" line="36" />
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/participants_panel.py" line="37" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/participants_panel.py" line="38" />
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/participants_panel.py" line="39" />
        <source>Took part</source>
        <translation>Teilgenommen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/participants_panel.py" line="55" />
        <source>Remove from list</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/participants_panel.py" line="75" />
        <source>%1 participants</source>
        <translation>%1 Teilnehmer</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/period_selector.py" line="38" />
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/period_selector.py" line="40" />
        <source>All years</source>
        <translation>Alle Jahre</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/period_selector.py" line="41" />
        <source>Year %1</source>
        <translation>Jahr %1</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="73" />
        <source>All ABC classes</source>
        <translation>Alle ABC-Klassen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="75" />
        <source>Class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="79" />
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="80" />
        <source>Account manager:</source>
        <translation>Betreuer:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="81" />
        <source>Industry:</source>
        <translation>Branche:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="82" />
        <source>ABC:</source>
        <translation>ABC:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="103" />
        <source>Save groups of this period to the history</source>
        <translation>Gruppen dieses Zeitraums im Verlauf speichern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="105" />
        <source>Records every customer's group for this period, so later periods can show movements.</source>
        <translation>Hält die Gruppe jedes Kunden für diesen Zeitraum fest, damit spätere Zeiträume die Wechsel zeigen können.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="111" />
        <source>&lt;b&gt;Standard strategies&lt;/b&gt;</source>
        <translation>&lt;b&gt;Normstrategien&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="138" />
        <source>All account managers</source>
        <translation>Alle Betreuer</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="139" />
        <source>All industries</source>
        <translation>Alle Branchen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="164" />
        <source>%1 of %2 customers shown</source>
        <translation>%1 von %2 Kunden angezeigt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="252" />
        <source>%1 (set manually)</source>
        <translation>%1 (von Hand gesetzt)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="255" />
        <source>Customer value: %1</source>
        <translation>Kundenwert: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="257" />
        <source>Attractiveness: %1 · Position: %2</source>
        <translation>Attraktivität: %1 · Position: %2</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="260" />
        <source>Rank %1 · ABC %2 · %3</source>
        <translation>Rang %1 · ABC %2 · %3</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="272" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="273" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="274" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="275" />
        <source>Attractiveness</source>
        <translation>Attraktivität</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="277" />
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="279" />
        <source>Customer value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="282" />
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/portfolio_view.py" line="284" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
</context>
<context>
    <name>PrintDialogs</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="32" />
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="35" />
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="36" />
        <source>The report could not be created.</source>
        <translation>Der Bericht konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="57" />
        <source>Print preview – %1</source>
        <translation>Druckvorschau – %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="76" />
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="88" />
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="78" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/print_dialogs.py" line="87" />
        <source>The PDF could not be written:
%1</source>
        <translation>Das PDF konnte nicht geschrieben werden:
%1</translation>
    </message>
</context>
<context>
    <name>RankingTableModel</name>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="55" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="56" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="57" />
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="58" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="59" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="61" />
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="62" />
        <source>CM I</source>
        <translation>KDB I</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="63" />
        <source>CM II</source>
        <translation>KDB II</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="64" />
        <source>CM III</source>
        <translation>KDB III</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="60" />
        <source>CM IV (customer value)</source>
        <translation>KDB IV (Kundenwert)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="308" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>RankingTotalsModel</name>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/models/ranking_table.py" line="311" />
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/ranking_view.py" line="111" />
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/ranking_view.py" line="112" />
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/ranking_view.py" line="189" />
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/ranking_view.py" line="204" />
        <source>%1 of %2 customers</source>
        <translation>%1 von %2 Kunden</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="48" />
        <source>Company name:</source>
        <translation>Firmenname:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="49" />
        <source>Printed at the top of every list, customer sheet and privacy report.</source>
        <translation>Steht oben auf jeder gedruckten Liste, jedem Kundenblatt und jeder Datenschutz-Auskunft.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="55" />
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="157" />
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="56" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="57" />
        <source>Remove logo</source>
        <translation>Logo entfernen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="73" />
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="75" />
        <source>Optional. Printed at the top left of every page, at most 27 × 9 mm, next to the company name; wide logos fit best. Image files: PNG, JPG, BMP or GIF.</source>
        <translation>Optional. Steht oben links auf jeder Seite neben dem Firmennamen, höchstens 27 × 9 mm gross; breite Logos passen am besten. Bilddateien: PNG, JPG, BMP oder GIF.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="96" />
        <source>Company name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="96" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="106" />
        <source>Reports are printed without a logo until you choose another file or remove it.</source>
        <translation>Berichte werden ohne Logo gedruckt, bis Sie eine andere Datei wählen oder das Logo entfernen.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="114" />
        <source>Choose logo</source>
        <translation>Logo wählen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="115" />
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="145" />
        <source>The file «%1» cannot be found.</source>
        <translation>Die Datei «%1» ist nicht zu finden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="147" />
        <source>The file «%1» cannot be read as an image (PNG, JPG, BMP or GIF).</source>
        <translation>Die Datei «%1» lässt sich nicht als Bild lesen (PNG, JPG, BMP oder GIF).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_reports.py" line="157" />
        <source>(not readable)</source>
        <translation>(nicht lesbar)</translation>
    </message>
</context>
<context>
    <name>RevenueForecastPanel</name>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="93" />
        <source>Forecast for the next 12 months</source>
        <translation>Prognose für die nächsten 12 Monate</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="99" />
        <source>Expected revenue</source>
        <translation>Erwarteter Umsatz</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="100" />
        <source>Range (10 % – 90 %)</source>
        <translation>Bandbreite (10 % – 90 %)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="101" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="102" />
        <source>Annual average</source>
        <translation>Jahresmittel</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="103" />
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="104" />
        <source>Coefficient of variation</source>
        <translation>Variationskoeffizient</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="105" />
        <source>At risk</source>
        <translation>Abwanderungsgefahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="111" />
        <source>Computed before the latest change of this customer's data.</source>
        <translation>Berechnet vor der letzten Änderung der Daten dieses Kunden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="114" />
        <source>Recompute forecast</source>
        <translation>Prognose neu berechnen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="115" />
        <source>Computes the forecast of all customers anew (may take a few seconds).</source>
        <translation>Berechnet die Prognose aller Kunden neu (kann einige Sekunden dauern).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="123" />
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="198" />
        <source>No customer selected.</source>
        <translation>Kein Kunde ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="127" />
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="128" />
        <source>Net revenue</source>
        <translation>Nettoerlös</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="131" />
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="133" />
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="135" />
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="142" />
        <source>%1 (to date)</source>
        <translation>%1 (bis Stichtag)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="153" />
        <source>The year is not over yet: its revenue so far is not compared with the whole previous year.</source>
        <translation>Das Jahr ist noch nicht zu Ende: Der bisherige Umsatz wird nicht mit dem ganzen Vorjahr verglichen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="169" />
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n Reklamation</numerusform>
            <numerusform>%n Reklamationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="171" />
        <source>(revenue impact %1)</source>
        <translation>(Umsatzwirkung %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="175" />
        <source>%n campaign(s): %1</source>
        <translation>
            <numerusform>%n Kampagne: %1</numerusform>
            <numerusform>%n Kampagnen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="178" />
        <source>%1× «buys from a competitor»</source>
        <translation>%1× «kauft bei Konkurrenz»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="181" />
        <source>%n large one-off order(s) (%1)</source>
        <translation>
            <numerusform>%n Grossauftrag (%1)</numerusform>
            <numerusform>%n Grossaufträge (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="202" />
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="226" />
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="235" />
        <source>Computing the forecast…</source>
        <translation>Prognose wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="208" />
        <source>The forecast is computed when this tab is shown.</source>
        <translation>Die Prognose wird berechnet, sobald dieser Reiter angezeigt wird.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="241" />
        <source>No forecast for this customer yet (data changed since the forecast was computed).</source>
        <translation>Für diesen Kunden gibt es noch keine Prognose (die Daten haben sich seit der Berechnung geändert).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="284" />
        <source>%1 % per year</source>
        <translation>%1 % pro Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/revenue_forecast_panel.py" line="288" />
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="17" />
        <source>Score explanation</source>
        <translation>Erklärung der Bewertung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="18" />
        <source>Customer attractiveness</source>
        <translation>Kundenattraktivität</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="19" />
        <source>Supplier position</source>
        <translation>Lieferantenposition</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="20" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="20" />
        <source>no – no data</source>
        <translation>nein – keine Daten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="26" />
        <source>Axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="27" />
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="28" />
        <source>Points (0–10)</source>
        <translation>Punkte (0–10)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="29" />
        <source>Weight %</source>
        <translation>Gewicht %</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="30" />
        <source>Effective weight %</source>
        <translation>Wirksames Gewicht %</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="32" />
        <source>Used</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/dialogs/score_dialog.py" line="42" />
        <source>Criteria without data are left out; the remaining weights are scaled up to 100 %.</source>
        <translation>Kriterien ohne Daten werden weggelassen; die übrigen Gewichte werden auf 100 % hochgerechnet.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="98" />
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="99" />
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="100" />
        <source>Customer value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="103" />
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="106" />
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="107" />
        <source>Customer outreach</source>
        <translation>Kundenansprache</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="108" />
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="109" />
        <source>Backup</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="122" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="124" />
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="125" />
        <source>Reset to defaults…</source>
        <translation>Auf Standardwerte zurücksetzen…</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="155" />
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="156" />
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="157" />
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="158" />
        <source>Number format:</source>
        <translation>Zahlenformat:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="159" />
        <source>Language of the program:</source>
        <translation>Sprache des Programms:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="160" />
        <source>A new language takes effect after restarting the program.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart des Programms.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="173" />
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="176" />
        <source>Default margin (where the cost of goods is unknown):</source>
        <translation>Standardmarge (wo der Wareneinsatz unbekannt ist):</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="178" />
        <source>CLV discount rate per year:</source>
        <translation>CLV-Diskontsatz pro Jahr:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="179" />
        <source>CLV expected remaining relationship:</source>
        <translation>CLV erwartete restliche Beziehungsdauer:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="180" />
        <source>ABC: class A up to cumulative value of:</source>
        <translation>ABC: Klasse A bis zum kumulierten Wertanteil von:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="181" />
        <source>ABC: class B up to cumulative value of:</source>
        <translation>ABC: Klasse B bis zum kumulierten Wertanteil von:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="183" />
        <source>Cost categories: deducted at contribution margin level</source>
        <translation>Kostenkategorien: abgezogen auf Deckungsbeitragsstufe</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="187" />
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="187" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="188" />
        <source>Complaint handling</source>
        <translation>Reklamationsbearbeitung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="188" />
        <source>Promotional gift</source>
        <translation>Werbegeschenk</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="189" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="189" />
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="189" />
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="194" />
        <source>CM II (marketing)</source>
        <translation>KDB II (Marketing)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="195" />
        <source>CM III (sales)</source>
        <translation>KDB III (Verkauf)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="196" />
        <source>CM IV (service)</source>
        <translation>KDB IV (Service)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="207" />
        <source>Customer value (CM IV, by rank)</source>
        <translation>Kundenwert (KDB IV, nach Rang)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="208" />
        <source>Revenue trend</source>
        <translation>Umsatzentwicklung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="209" />
        <source>Demand potential</source>
        <translation>Bedarfspotenzial</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="210" />
        <source>Payment behaviour</source>
        <translation>Zahlungsverhalten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="211" />
        <source>Reference value</source>
        <translation>Referenzwert</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="212" />
        <source>Share of wallet (revenue ÷ demand potential)</source>
        <translation>Lieferanteil (Umsatz ÷ Bedarfspotenzial)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="213" />
        <source>Order frequency</source>
        <translation>Bestellhäufigkeit</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="214" />
        <source>Length of the relationship</source>
        <translation>Dauer der Kundenbeziehung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="215" />
        <source>Complaint rate (few = good)</source>
        <translation>Reklamationsquote (wenige = gut)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="216" />
        <source>Relationship quality</source>
        <translation>Beziehungsqualität</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="217" />
        <source>Contact intensity</source>
        <translation>Kontaktintensität</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="219" />
        <source>Weights: customer attractiveness (y axis)</source>
        <translation>Gewichte: Kundenattraktivität (y-Achse)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="220" />
        <source>Weights: supplier position (x axis)</source>
        <translation>Gewichte: Lieferantenposition (x-Achse)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="234" />
        <source>Sum:</source>
        <translation>Summe:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="237" />
        <source>Split into the four groups</source>
        <translation>Aufteilung in die vier Gruppen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="241" />
        <source>Fixed thresholds</source>
        <translation>Feste Schwellen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="242" />
        <source>Median of all customers</source>
        <translation>Median aller Kunden</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="245" />
        <source>Split rule:</source>
        <translation>Aufteilungsregel:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="246" />
        <source>Threshold supplier position (x):</source>
        <translation>Schwelle Lieferantenposition (x):</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="247" />
        <source>Threshold customer attractiveness (y):</source>
        <translation>Schwelle Kundenattraktivität (y):</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="256" />
        <source>&lt;b&gt;Name&lt;/b&gt;</source>
        <translation>&lt;b&gt;Name&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="257" />
        <source>&lt;b&gt;Standard strategy&lt;/b&gt;</source>
        <translation>&lt;b&gt;Normstrategie&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="369" />
        <source>Reset settings</source>
        <translation>Einstellungen zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="370" />
        <source>Reset all settings on every tab to the default values, including the backup folder and the logo? Customers, orders and contacts are not affected.</source>
        <translation>Alle Einstellungen auf allen Reitern auf die Standardwerte zurücksetzen, auch den Sicherungsordner und das Logo? Kunden, Aufträge und Kontakte bleiben unverändert.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="391" />
        <source>Group names</source>
        <translation>Gruppennamen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="392" />
        <source>Standard strategies</source>
        <translation>Normstrategien</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="393" />
        <source>ABC class A</source>
        <translation>ABC-Klasse A</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="394" />
        <source>ABC class B</source>
        <translation>ABC-Klasse B</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="395" />
        <source>Threshold customer attractiveness</source>
        <translation>Schwelle Kundenattraktivität</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="396" />
        <source>Threshold supplier position</source>
        <translation>Schwelle Lieferantenposition</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="397" />
        <source>Default margin</source>
        <translation>Standardmarge</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/views/settings_view.py" line="398" />
        <source>Cost categories</source>
        <translation>Kostenkategorien</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="29" />
        <source>Complaint open</source>
        <translation>Reklamation offen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="30" />
        <source>Contact due</source>
        <translation>Kontakt fällig</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="31" />
        <source>Customer value rising — earmark for an individual campaign</source>
        <translation>Kundenwert steigt — für individuelle Aktion vormerken</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="33" />
        <source>Question mark: offer a needs analysis</source>
        <translation>Fragezeichen: Bedarfsanalyse anbieten</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="34" />
        <source>Unprofitable: simplify care</source>
        <translation>Unrentabel: Betreuung vereinfachen</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="44" />
        <source>Advertising</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="45" />
        <source>Service contact</source>
        <translation>Servicekontakt</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="52" />
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="54" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="55" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="56" />
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="57" />
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="91" />
        <source>No suggestions for this customer.</source>
        <translation>Keine Vorschläge für diesen Kunden.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="129" />
        <source>No responsible person set.</source>
        <translation>Kein Betreuer festgelegt.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="131" />
        <source>Main contact: %1 (%2 contacts in the last 12 months)</source>
        <translation>Hauptansprechpartner im Haus: %1 (%2 Kontakte in den letzten 12 Monaten)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="135" />
        <source>the responsible person.</source>
        <translation>der zuständige Betreuer.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="137" />
        <source>not the responsible person (%1).</source>
        <translation>nicht der zuständige Betreuer (%1).</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="141" />
        <source>No staff contact in the last 12 months.</source>
        <translation>Kein Kontakt durch Mitarbeitende in den letzten 12 Monaten.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="143" />
        <source>Open complaints: %1</source>
        <translation>Offene Reklamationen: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="147" />
        <source>Revenue trend: %1 % per year</source>
        <translation>Umsatzentwicklung: %1 % pro Jahr</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/widgets/suggestions_panel.py" line="150" />
        <source>Unprofitable: Kundenwert is negative.</source>
        <translation>Unrentabel: Der Kundenwert ist negativ.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="65" />
        <source>Export list</source>
        <translation>Liste exportieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="69" />
        <source>This section has no list to export.</source>
        <translation>Dieser Bereich hat keine Liste zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="90" />
        <source>Exported: %1 (rows: %2)</source>
        <translation>Exportiert: %1 (Zeilen: %2)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="140" />
        <source>Please select a customer in the customer list first.</source>
        <translation>Bitte wählen Sie zuerst einen Kunden in der Kundenliste.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="151" />
        <source>Export data information</source>
        <translation>Datenauskunft exportieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="158" />
        <source>PDF (*.pdf);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="175" />
        <source>Data information saved: %1</source>
        <translation>Datenauskunft gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="182" />
        <source>Anonymise customer %1 «%2»?

Erased: name (becomes «Anonymised %1»), contact person, address, phone, e-mail, notes, consent details, and the texts of contacts, orders and costs.

Kept: orders with their amounts, relationship costs and group history, without any personal reference (bookkeeping records must be kept for 10 years).

This cannot be undone. Older backups still contain the data until they are rotated out.</source>
        <translation>Kunde %1 «%2» anonymisieren?

Gelöscht werden: der Name (wird zu «Anonymisiert %1»), Ansprechperson, Adresse, Telefon, E-Mail, Notizen, Angaben zur Einwilligung sowie die Texte der Kontakte, Aufträge und Kosten.

Erhalten bleiben: die Aufträge mit ihren Beträgen, die Betreuungskosten und der Gruppenverlauf, ohne Bezug zur Person (Buchhaltungsbelege müssen 10 Jahre aufbewahrt werden).

Das lässt sich nicht rückgängig machen. Ältere Sicherungen enthalten die Daten noch, bis sie ausrotiert sind.</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="197" />
        <source>Anonymise customer</source>
        <translation>Kunde anonymisieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="205" />
        <source>Anonymise</source>
        <translation>Anonymisieren</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="221" />
        <source>The customer was anonymised, but the old texts still occur in:</source>
        <translation>Der Kunde wurde anonymisiert, aber die alten Texte kommen noch vor in:</translation>
    </message>
    <message>
        <location filename="../../kundenportfolio/ui/window_actions.py" line="225" />
        <source>Customer %1 was anonymised.</source>
        <translation>Kunde %1 wurde anonymisiert.</translation>
    </message>
</context>
</TS>
