-- M0005_Monitoring (SQLite): media monitoring: sources, fetch log, items, mentions, themes, saved searches, alerts, digests
-- Written from 'ttdn schema-script'; SchemaTests prove the migrated schema equals the model.

CREATE TABLE "Digests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Digests" PRIMARY KEY AUTOINCREMENT,
    "Day" TEXT NOT NULL,
    "ProvinceKey" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "ItemCount" INTEGER NOT NULL,
    "SendError" TEXT NULL
);

CREATE TABLE "MediaSources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaSources" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Country" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "PollMinutes" INTEGER NOT NULL,
    "FetchArticles" INTEGER NOT NULL,
    "ETag" TEXT NULL,
    "LastModified" TEXT NULL,
    "NextFetchAt" TEXT NULL,
    "LastFetchAt" TEXT NULL,
    "LastSuccessAt" TEXT NULL,
    "LastErrorAt" TEXT NULL,
    "LastError" TEXT NULL,
    "LastItemAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "MonitoringAlerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringAlerts" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    "ItemId" INTEGER NULL,
    "SourceId" INTEGER NULL,
    "SavedSearchId" INTEGER NULL,
    "ProvinceKey" TEXT NULL,
    "AcknowledgedAt" TEXT NULL,
    "AcknowledgedBy" TEXT NULL
);

CREATE TABLE "SavedSearches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SavedSearches" PRIMARY KEY AUTOINCREMENT,
    "OwnerUserName" TEXT NOT NULL,
    "OrganisationId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Query" TEXT NOT NULL,
    "Language" TEXT NULL,
    "ProvinceKey" TEXT NULL,
    "SourceId" INTEGER NULL,
    "Tone" INTEGER NULL,
    "Alert" INTEGER NOT NULL,
    "LastAlertedItemId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "FetchRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FetchRuns" PRIMARY KEY AUTOINCREMENT,
    "SourceId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Succeeded" INTEGER NOT NULL,
    "NotModified" INTEGER NOT NULL,
    "HttpStatus" INTEGER NULL,
    "Entries" INTEGER NOT NULL,
    "NewItems" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "DurationMs" INTEGER NOT NULL,
    CONSTRAINT "FK_FetchRuns_MediaSources_SourceId" FOREIGN KEY ("SourceId") REFERENCES "MediaSources" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MediaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaItems" PRIMARY KEY AUTOINCREMENT,
    "SourceId" INTEGER NOT NULL,
    "Url" TEXT NOT NULL,
    "UrlKey" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "CollectedAt" TEXT NOT NULL,
    "Foreign" INTEGER NOT NULL,
    "Provinces" TEXT NOT NULL,
    "Fingerprint" INTEGER NOT NULL,
    "ClusterId" INTEGER NOT NULL,
    "DetectedTone" INTEGER NOT NULL,
    "Tone" INTEGER NOT NULL,
    "ToneOverriddenBy" TEXT NULL,
    "ToneOverriddenAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_MediaItems_MediaSources_SourceId" FOREIGN KEY ("SourceId") REFERENCES "MediaSources" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DigestRecipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DigestRecipients" PRIMARY KEY AUTOINCREMENT,
    "OrganisationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_DigestRecipients_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MediaMentions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaMentions" PRIMARY KEY AUTOINCREMENT,
    "ItemId" INTEGER NOT NULL,
    "EntryKey" TEXT NOT NULL,
    "ProvinceKey" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    CONSTRAINT "FK_MediaMentions_MediaItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "MediaItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MediaItemThemes" (
    "ItemId" INTEGER NOT NULL,
    "ThemeId" INTEGER NOT NULL,
    CONSTRAINT "PK_MediaItemThemes" PRIMARY KEY ("ItemId", "ThemeId"),
    CONSTRAINT "FK_MediaItemThemes_MediaItems_ItemId" FOREIGN KEY ("ItemId") REFERENCES "MediaItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MediaItemThemes_Themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES "Themes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DigestRecipients_OrganisationId" ON "DigestRecipients" ("OrganisationId");

CREATE UNIQUE INDEX "IX_Digests_ProvinceKey_Day" ON "Digests" ("ProvinceKey", "Day");

CREATE UNIQUE INDEX "IX_Digests_Token" ON "Digests" ("Token");

CREATE INDEX "IX_FetchRuns_SourceId_At" ON "FetchRuns" ("SourceId", "At");

CREATE INDEX "IX_MediaItems_ClusterId" ON "MediaItems" ("ClusterId");

CREATE INDEX "IX_MediaItems_PublishedAt" ON "MediaItems" ("PublishedAt");

CREATE INDEX "IX_MediaItems_SourceId_PublishedAt" ON "MediaItems" ("SourceId", "PublishedAt");

CREATE UNIQUE INDEX "IX_MediaItems_UrlKey" ON "MediaItems" ("UrlKey");

CREATE INDEX "IX_MediaItemThemes_ThemeId" ON "MediaItemThemes" ("ThemeId");

CREATE INDEX "IX_MediaMentions_ItemId" ON "MediaMentions" ("ItemId");

CREATE INDEX "IX_MediaMentions_ProvinceKey_ItemId" ON "MediaMentions" ("ProvinceKey", "ItemId");

CREATE INDEX "IX_MediaSources_NextFetchAt" ON "MediaSources" ("NextFetchAt");

CREATE INDEX "IX_MonitoringAlerts_CreatedAt" ON "MonitoringAlerts" ("CreatedAt");

CREATE UNIQUE INDEX "IX_MonitoringAlerts_Key" ON "MonitoringAlerts" ("Key");

CREATE INDEX "IX_SavedSearches_OwnerUserName" ON "SavedSearches" ("OwnerUserName");

-- The search index (decision 0016): contentless FTS5 over the folded title and text, outside the EF model.
CREATE VIRTUAL TABLE "MediaSearch" USING fts5("Title", "Body", content='', tokenize='unicode61 remove_diacritics 2');
