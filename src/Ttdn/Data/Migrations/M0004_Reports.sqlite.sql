-- M0004_Reports (SQLite): report templates, indicators, agency reports with figures and history, consolidated reports
-- Written from 'ttdn schema-script'; SchemaTests prove the migrated schema equals the model.

CREATE TABLE "Indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Group" TEXT NOT NULL,
    "Breakdown" TEXT NOT NULL,
    "TargetUnit" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "ReportTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportTemplates" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PeriodKind" TEXT NOT NULL,
    "StartMonth" INTEGER NOT NULL,
    "DeadlineOffsetDays" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "ConsolidatorId" INTEGER NULL,
    "Receivers" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Sections" TEXT NULL,
    CONSTRAINT "FK_ReportTemplates_Organisations_ConsolidatorId" FOREIGN KEY ("ConsolidatorId") REFERENCES "Organisations" ("Id") ON DELETE SET NULL
);

CREATE TABLE "AgencyReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgencyReports" PRIMARY KEY AUTOINCREMENT,
    "TemplateId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "OrganisationId" INTEGER NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SubmittedOn" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "ReturnComment" TEXT NULL,
    "AcceptedOn" TEXT NULL,
    "AcceptedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "Narratives" TEXT NULL,
    CONSTRAINT "FK_AgencyReports_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AgencyReports_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgencyReports_ReportTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "ReportTemplates" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ConsolidatedReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsolidatedReports" PRIMARY KEY AUTOINCREMENT,
    "TemplateId" INTEGER NOT NULL,
    "PlanId" INTEGER NULL,
    "OrganisationId" INTEGER NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "Number" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "SentOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "Texts" TEXT NULL,
    CONSTRAINT "FK_ConsolidatedReports_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsolidatedReports_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ConsolidatedReports_ReportTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "ReportTemplates" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TemplateIndicators" (
    "TemplateId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "PK_TemplateIndicators" PRIMARY KEY ("TemplateId", "IndicatorId"),
    CONSTRAINT "FK_TemplateIndicators_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TemplateIndicators_ReportTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "ReportTemplates" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportEvents" PRIMARY KEY AUTOINCREMENT,
    "AgencyReportId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_ReportEvents_AgencyReports_AgencyReportId" FOREIGN KEY ("AgencyReportId") REFERENCES "AgencyReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportFigures" PRIMARY KEY AUTOINCREMENT,
    "AgencyReportId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Part" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "NameAsFiled" TEXT NOT NULL,
    "UnitAsFiled" TEXT NOT NULL,
    CONSTRAINT "FK_ReportFigures_AgencyReports_AgencyReportId" FOREIGN KEY ("AgencyReportId") REFERENCES "AgencyReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportFigures_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AgencyReports_OrganisationId" ON "AgencyReports" ("OrganisationId");

CREATE UNIQUE INDEX "IX_AgencyReports_PlanId_TemplateId_PeriodLabel_OrganisationId" ON "AgencyReports" ("PlanId", "TemplateId", "PeriodLabel", "OrganisationId");

CREATE INDEX "IX_AgencyReports_TemplateId" ON "AgencyReports" ("TemplateId");

CREATE INDEX "IX_ConsolidatedReports_OrganisationId" ON "ConsolidatedReports" ("OrganisationId");

CREATE INDEX "IX_ConsolidatedReports_PlanId" ON "ConsolidatedReports" ("PlanId");

CREATE UNIQUE INDEX "IX_ConsolidatedReports_TemplateId_PeriodLabel_OrganisationId_PlanId" ON "ConsolidatedReports" ("TemplateId", "PeriodLabel", "OrganisationId", "PlanId");

CREATE UNIQUE INDEX "IX_Indicators_Code" ON "Indicators" ("Code");

CREATE INDEX "IX_ReportEvents_AgencyReportId" ON "ReportEvents" ("AgencyReportId");

CREATE INDEX "IX_ReportFigures_AgencyReportId" ON "ReportFigures" ("AgencyReportId");

CREATE INDEX "IX_ReportFigures_IndicatorId" ON "ReportFigures" ("IndicatorId");

CREATE UNIQUE INDEX "IX_ReportTemplates_Code" ON "ReportTemplates" ("Code");

CREATE INDEX "IX_ReportTemplates_ConsolidatorId" ON "ReportTemplates" ("ConsolidatorId");

CREATE INDEX "IX_TemplateIndicators_IndicatorId" ON "TemplateIndicators" ("IndicatorId");
