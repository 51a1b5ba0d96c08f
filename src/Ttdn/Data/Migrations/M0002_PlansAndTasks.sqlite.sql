-- M0002_PlansAndTasks (SQLite): plans, their parts and duties; occurrences and follow-up; job leases.
-- Written from 'ttdn schema-script'; SchemaTests prove the migrated schema equals the model.

CREATE TABLE "JobLeases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_JobLeases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL
);

CREATE TABLE "ReminderLogs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReminderLogs" PRIMARY KEY AUTOINCREMENT,
    "OccurrenceId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "SentOn" TEXT NOT NULL
);

CREATE TABLE "Plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    "IssuedOn" TEXT NULL,
    "IssuePlace" TEXT NULL,
    "IssuerId" INTEGER NULL,
    "LeadOrganisationId" INTEGER NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "CopiedFromId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Introduction" TEXT NULL,
    "SignerName" TEXT NULL,
    "SignerAuthority" TEXT NULL,
    "SignerTitle" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Plans_Organisations_IssuerId" FOREIGN KEY ("IssuerId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Plans_Organisations_LeadOrganisationId" FOREIGN KEY ("LeadOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Plans_Plans_CopiedFromId" FOREIGN KEY ("CopiedFromId") REFERENCES "Plans" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Plans_Plans_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Plans" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Assignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Assignments" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "AgencyAsWritten" TEXT NOT NULL,
    CONSTRAINT "FK_Assignments_Organisations_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assignments_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FundingItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FundingItems" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Amount" TEXT NULL,
    CONSTRAINT "FK_FundingItems_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LegalBases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegalBases" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Date" TEXT NULL,
    "Issuer" TEXT NULL,
    "Title" TEXT NULL,
    "IsProposal" INTEGER NOT NULL,
    CONSTRAINT "FK_LegalBases_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanAmendments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanAmendments" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "DocumentNumber" TEXT NULL,
    "AmendedOn" TEXT NOT NULL,
    "ByUser" TEXT NOT NULL,
    "SnapshotJson" TEXT NOT NULL,
    CONSTRAINT "FK_PlanAmendments_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanChannels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanChannels" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "CatalogueCode" TEXT NULL,
    "Items" TEXT NOT NULL,
    CONSTRAINT "FK_PlanChannels_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanStatements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanStatements" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_PlanStatements_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Recipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Recipients" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "OrganisationId" INTEGER NULL,
    CONSTRAINT "FK_Recipients_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Recipients_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Themes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Themes" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Items" TEXT NOT NULL,
    CONSTRAINT "FK_Themes_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTasks" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "AssignmentId" INTEGER NULL,
    "Order" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "LeadAgencyId" INTEGER NOT NULL,
    "DeadlineText" TEXT NULL,
    "DeadlineKind" TEXT NOT NULL,
    "DueFrom" TEXT NULL,
    "DueTo" TEXT NULL,
    "Recurrence" TEXT NOT NULL,
    "DueDay" INTEGER NULL,
    "DueMonth" INTEGER NULL,
    "PlannedBudget" TEXT NULL,
    "FundingSource" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "Targets" TEXT NULL,
    CONSTRAINT "FK_PlanTasks_Assignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "Assignments" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PlanTasks_Organisations_LeadAgencyId" FOREIGN KEY ("LeadAgencyId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanTasks_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ExplanationRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExplanationRequests" PRIMARY KEY AUTOINCREMENT,
    "PlanTaskId" INTEGER NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAtUtc" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "AnswerDueOn" TEXT NULL,
    "Answer" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    "AnsweredAtUtc" TEXT NULL,
    CONSTRAINT "FK_ExplanationRequests_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TaskChannels" (
    "PlanTaskId" INTEGER NOT NULL,
    "PlanChannelId" INTEGER NOT NULL,
    CONSTRAINT "PK_TaskChannels" PRIMARY KEY ("PlanTaskId", "PlanChannelId"),
    CONSTRAINT "FK_TaskChannels_PlanChannels_PlanChannelId" FOREIGN KEY ("PlanChannelId") REFERENCES "PlanChannels" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TaskChannels_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TaskComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaskComments" PRIMARY KEY AUTOINCREMENT,
    "PlanTaskId" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "OrganisationId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_TaskComments_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TaskCoordinators" (
    "PlanTaskId" INTEGER NOT NULL,
    "OrganisationId" INTEGER NOT NULL,
    CONSTRAINT "PK_TaskCoordinators" PRIMARY KEY ("PlanTaskId", "OrganisationId"),
    CONSTRAINT "FK_TaskCoordinators_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TaskCoordinators_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TaskOccurrences" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaskOccurrences" PRIMARY KEY AUTOINCREMENT,
    "PlanTaskId" INTEGER NOT NULL,
    "Index" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    "Due" TEXT NOT NULL,
    "ExtendedTo" TEXT NULL,
    "StartedOn" TEXT NULL,
    "CompletedOn" TEXT NULL,
    "Percent" INTEGER NOT NULL,
    "QuantityAchieved" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TaskOccurrences_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TaskThemes" (
    "PlanTaskId" INTEGER NOT NULL,
    "ThemeId" INTEGER NOT NULL,
    CONSTRAINT "PK_TaskThemes" PRIMARY KEY ("PlanTaskId", "ThemeId"),
    CONSTRAINT "FK_TaskThemes_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TaskThemes_Themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES "Themes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ExtensionRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExtensionRequests" PRIMARY KEY AUTOINCREMENT,
    "PlanTaskId" INTEGER NOT NULL,
    "OccurrenceId" INTEGER NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAtUtc" TEXT NOT NULL,
    "CurrentDue" TEXT NOT NULL,
    "RequestedDue" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecisionNote" TEXT NULL,
    CONSTRAINT "FK_ExtensionRequests_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ExtensionRequests_TaskOccurrences_OccurrenceId" FOREIGN KEY ("OccurrenceId") REFERENCES "TaskOccurrences" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProgressUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgressUpdates" PRIMARY KEY AUTOINCREMENT,
    "PlanTaskId" INTEGER NOT NULL,
    "OccurrenceId" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "OnDate" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "OrganisationId" INTEGER NOT NULL,
    "Percent" INTEGER NULL,
    "Quantity" TEXT NULL,
    "Narrative" TEXT NULL,
    "Links" TEXT NOT NULL,
    "Completed" INTEGER NOT NULL,
    CONSTRAINT "FK_ProgressUpdates_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProgressUpdates_TaskOccurrences_OccurrenceId" FOREIGN KEY ("OccurrenceId") REFERENCES "TaskOccurrences" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "ProgressUpdateId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_Attachments_ProgressUpdates_ProgressUpdateId" FOREIGN KEY ("ProgressUpdateId") REFERENCES "ProgressUpdates" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Assignments_AgencyId" ON "Assignments" ("AgencyId");

CREATE INDEX "IX_Assignments_PlanId" ON "Assignments" ("PlanId");

CREATE INDEX "IX_Attachments_ProgressUpdateId" ON "Attachments" ("ProgressUpdateId");

CREATE INDEX "IX_ExplanationRequests_PlanTaskId" ON "ExplanationRequests" ("PlanTaskId");

CREATE INDEX "IX_ExtensionRequests_OccurrenceId" ON "ExtensionRequests" ("OccurrenceId");

CREATE INDEX "IX_ExtensionRequests_PlanTaskId" ON "ExtensionRequests" ("PlanTaskId");

CREATE INDEX "IX_FundingItems_PlanId" ON "FundingItems" ("PlanId");

CREATE INDEX "IX_LegalBases_PlanId" ON "LegalBases" ("PlanId");

CREATE INDEX "IX_PlanAmendments_PlanId" ON "PlanAmendments" ("PlanId");

CREATE INDEX "IX_PlanChannels_PlanId" ON "PlanChannels" ("PlanId");

CREATE INDEX "IX_Plans_CopiedFromId" ON "Plans" ("CopiedFromId");

CREATE INDEX "IX_Plans_IssuerId" ON "Plans" ("IssuerId");

CREATE INDEX "IX_Plans_LeadOrganisationId" ON "Plans" ("LeadOrganisationId");

CREATE INDEX "IX_Plans_Number" ON "Plans" ("Number");

CREATE INDEX "IX_Plans_ParentId" ON "Plans" ("ParentId");

CREATE INDEX "IX_PlanStatements_PlanId" ON "PlanStatements" ("PlanId");

CREATE INDEX "IX_PlanTasks_AssignmentId" ON "PlanTasks" ("AssignmentId");

CREATE INDEX "IX_PlanTasks_LeadAgencyId" ON "PlanTasks" ("LeadAgencyId");

CREATE INDEX "IX_PlanTasks_PlanId" ON "PlanTasks" ("PlanId");

CREATE INDEX "IX_ProgressUpdates_OccurrenceId" ON "ProgressUpdates" ("OccurrenceId");

CREATE INDEX "IX_ProgressUpdates_PlanTaskId_AtUtc" ON "ProgressUpdates" ("PlanTaskId", "AtUtc");

CREATE INDEX "IX_Recipients_OrganisationId" ON "Recipients" ("OrganisationId");

CREATE INDEX "IX_Recipients_PlanId" ON "Recipients" ("PlanId");

CREATE UNIQUE INDEX "IX_ReminderLogs_OccurrenceId_Kind_Recipient_SentOn" ON "ReminderLogs" ("OccurrenceId", "Kind", "Recipient", "SentOn");

CREATE INDEX "IX_TaskChannels_PlanChannelId" ON "TaskChannels" ("PlanChannelId");

CREATE INDEX "IX_TaskComments_PlanTaskId" ON "TaskComments" ("PlanTaskId");

CREATE INDEX "IX_TaskCoordinators_OrganisationId" ON "TaskCoordinators" ("OrganisationId");

CREATE INDEX "IX_TaskOccurrences_Due" ON "TaskOccurrences" ("Due");

CREATE UNIQUE INDEX "IX_TaskOccurrences_PlanTaskId_Start" ON "TaskOccurrences" ("PlanTaskId", "Start");

CREATE INDEX "IX_TaskThemes_ThemeId" ON "TaskThemes" ("ThemeId");

CREATE INDEX "IX_Themes_PlanId" ON "Themes" ("PlanId");
