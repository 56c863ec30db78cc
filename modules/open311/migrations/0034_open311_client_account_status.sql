-- An Open311 client is on or off by one record: its service account's status. The accounts page
-- showed that account as 已停用 (every service account was created 'disabled' so that nobody signs
-- in with it) while the Open311 page showed the client as 启用 from open311_client.active. Nobody
-- can sign in with a service account in either state: its password_hash is not a scrypt hash, so
-- every password is refused. The account takes the client's flag, and the flag goes.
UPDATE account a SET status = CASE WHEN c.active THEN 'active' ELSE 'disabled' END, updated_at = now()
  FROM open311_client c
  WHERE a.id = c.account_id AND a.status <> CASE WHEN c.active THEN 'active' ELSE 'disabled' END;
DROP INDEX open311_client_jurisdiction;
ALTER TABLE open311_client DROP COLUMN active;
CREATE INDEX open311_client_jurisdiction ON open311_client (jurisdiction_id);
