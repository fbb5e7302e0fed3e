<?php
// What tide's package compatibility check reads: one JSON array on stdout.
// With TIDE_SITE_DIR (a site's inventory) the schema is the one the site's
// database is at; without it (the platform's inventory) the one this code
// brings.
require __DIR__ . '/../lib/settings.php';

const NOTES_CODE_SCHEMA = 1;

$site = (getenv('TIDE_SITE_DIR') ?: '') !== '';
if ($site) {
    $pdo = notes_db(notes_settings());
    $schema = (int) $pdo->query("SELECT value FROM meta WHERE name = 'schema'")->fetchColumn();
} else {
    $schema = NOTES_CODE_SCHEMA;
}
$package = ['name' => 'notes', 'type' => 'module', 'version' => '1.0.0', 'schema' => $schema];
if ($site) $package['enabled'] = true;
echo json_encode([$package]), "\n";
