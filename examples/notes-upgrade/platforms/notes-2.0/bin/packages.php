<?php
// What tide's package compatibility check reads: one JSON array on stdout.
// With TIDE_SITE_DIR (a site's inventory) each package's schema is the one
// the site's DATABASE is at; without it (the platform's inventory) it is the
// one this CODE brings. A migrate onto code older than the data is refused.
require __DIR__ . '/../lib/settings.php';

$site = notes_site_dir() !== '';
$schema = $site ? notes_schema(notes_db(notes_settings())) : NOTES_SCHEMA;
$packages = [
    ['name' => 'notes', 'type' => 'module', 'version' => NOTES_VERSION, 'schema' => $schema],
    ['name' => 'notes_theme', 'type' => 'theme', 'version' => NOTES_VERSION, 'schema' => null],
];
if ($site) {
    foreach ($packages as &$package) $package['enabled'] = true;
    unset($package);
}
echo json_encode($packages, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR), "\n";
