; Inno Setup script for Kundenportfolio: per-user install without administrator rights.
; Build on Windows after `python packaging\build.py`:
;   iscc /DAppVersion=0.1.0 packaging\installer.iss
; The user's data (%LOCALAPPDATA%\Kundenportfolio) is never touched by install, upgrade or
; uninstall: the program files live in a different folder ({userpf}\Kundenportfolio).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Fixed AppId: a newer installer upgrades the existing installation in place.
AppId={{7E3C1A52-4B8D-4C1E-9E55-2F6D9B1A7C40}
AppName=Kundenportfolio
AppVersion={#AppVersion}
AppPublisher=Kundenportfolio
DefaultDirName={userpf}\Kundenportfolio
DefaultGroupName=Kundenportfolio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
OutputDir=..\dist\installer
OutputBaseFilename=Kundenportfolio-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\kundenportfolio.ico
UninstallDisplayIcon={app}\Kundenportfolio.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Replace the whole program folder on upgrade; user data lives elsewhere.
Source: "..\dist\Kundenportfolio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Remove files of the previous version that the new one no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Kundenportfolio"; Filename: "{app}\Kundenportfolio.exe"
Name: "{autodesktop}\Kundenportfolio"; Filename: "{app}\Kundenportfolio.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Kundenportfolio.exe"; Description: "{cm:LaunchProgram,Kundenportfolio}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: the database and its backups stay.
