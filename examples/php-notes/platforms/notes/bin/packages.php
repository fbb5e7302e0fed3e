<?php
// The site's packages, as tide's package compatibility check reads them.
require __DIR__ . '/../lib/settings.php';

$pdo = notes_db(notes_settings());
$schema = (int) $pdo->query("SELECT value FROM meta WHERE name = 'schema'")->fetchColumn();
echo json_encode([['name' => 'notes', 'type' => 'module', 'version' => '1.0.0', 'schema' => $schema]]), "\n";
