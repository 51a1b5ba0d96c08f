-- M0003_Calendar (SQLite): anniversary register, registered events, calendar feed tokens
-- Written from 'ttdn schema-script'; SchemaTests prove the migrated schema equals the model.

CREATE TABLE "Anniversaries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Anniversaries" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Calendar" TEXT NOT NULL,
    "BaseYear" INTEGER NULL,
    "Month" INTEGER NULL,
    "Day" INTEGER NULL,
    "LeapMonth" INTEGER NOT NULL,
    "ProvinceId" INTEGER NULL,
    "SourceNote" TEXT NOT NULL,
    "SeedKey" TEXT NULL,
    "RemovedAtUtc" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Anniversaries_Organisations_ProvinceId" FOREIGN KEY ("ProvinceId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CalendarEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarEvents" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "OrganisationId" INTEGER NOT NULL,
    "Place" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CalendarEvents_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CalendarFeeds" (
    "OrganisationId" INTEGER NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY,
    "Token" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_CalendarFeeds_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Anniversaries_ProvinceId" ON "Anniversaries" ("ProvinceId");

CREATE UNIQUE INDEX "IX_Anniversaries_SeedKey" ON "Anniversaries" ("SeedKey");

CREATE INDEX "IX_CalendarEvents_OrganisationId_StartDate" ON "CalendarEvents" ("OrganisationId", "StartDate");

CREATE INDEX "IX_CalendarEvents_StartDate" ON "CalendarEvents" ("StartDate");

CREATE UNIQUE INDEX "IX_CalendarFeeds_Token" ON "CalendarFeeds" ("Token");
