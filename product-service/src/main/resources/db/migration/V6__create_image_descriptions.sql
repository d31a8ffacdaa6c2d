CREATE TABLE image_descriptions (
    image_id   uuid PRIMARY KEY REFERENCES product_images (id) ON DELETE CASCADE,
    source     varchar(20)  NOT NULL CHECK (source IN ('offline-features', 'vision-model')),
    model      varchar(200),
    caption    text,
    features   jsonb        NOT NULL,
    created_at timestamptz  NOT NULL
);
