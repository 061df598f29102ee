-- Items: money is NUMERIC (exact), never a float; `version` backs the ETag.
CREATE TABLE items (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CONSTRAINT items_name_key UNIQUE
    CONSTRAINT items_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
  description text NOT NULL
    CONSTRAINT items_description_length CHECK (char_length(description) BETWEEN 1 AND 2000),
  price numeric(12, 2) NOT NULL CONSTRAINT items_price_not_negative CHECK (price >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
