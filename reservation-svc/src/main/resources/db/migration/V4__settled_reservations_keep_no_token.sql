-- The guest's payment token is kept only while the charge's outcome is unknown here (payment_state 'charging': the
-- recovery job may have to send the charge again); once settled it is forgotten. A trigger clears it on the step
-- that settles, whichever statement takes it, and a constraint says it.
UPDATE reservation SET payment_token = NULL WHERE payment_state <> 'charging' AND payment_token IS NOT NULL;

CREATE FUNCTION reservation_forget_settled_token() RETURNS trigger AS $$
BEGIN
    NEW.payment_token := NULL;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER reservation_forget_settled_token
    BEFORE INSERT OR UPDATE OF payment_state ON reservation
    FOR EACH ROW WHEN (NEW.payment_state <> 'charging' AND NEW.payment_token IS NOT NULL)
    EXECUTE FUNCTION reservation_forget_settled_token();

ALTER TABLE reservation ADD CONSTRAINT reservation_token_only_while_charging
    CHECK (payment_state = 'charging' OR payment_token IS NULL);
