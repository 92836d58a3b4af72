-- Nothing looks exchanges up by the post they made (an exchange names its post, not the other
-- way round), and post ids are random: this index cost every webhook a write to a random page.
DROP INDEX exchanges_post;
