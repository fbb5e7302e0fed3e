<?php
// Brings a site's database up to this codebase's schema (none to apply in 1).
require __DIR__ . '/../lib/settings.php';

$pdo = notes_db(notes_settings());
$schema = (int) $pdo->query("SELECT value FROM meta WHERE name = 'schema'")->fetchColumn();
echo "schema $schema is current\n";
