namespace Ttdn.Bench;

/// <summary>
/// The tables the generator fills, with exactly the column names of src/Ttdn/Data/Migrations/M0001/M0002 (*.sql).
/// Columns left out take their NULL default; every NOT NULL column is listed.
/// </summary>
public static class Schema
{
    public static readonly Table Organisations = new("Organisations",
    [
        ("Id", Col.Int), ("Name", Col.Text), ("ShortName", Col.Text), ("Kind", Col.Text), ("ProvinceId", Col.Int), ("ParentId", Col.Int),
        ("ValidFrom", Col.Date), ("ValidTo", Col.Date), ("Note", Col.Text), ("NameKey", Col.Text), ("ShortNameKey", Col.Text), ("Version", Col.Int),
    ]);

    public static readonly Table Users = new("AspNetUsers",
    [
        ("Id", Col.Text), ("FullName", Col.Text), ("OrganisationId", Col.Int), ("CreatedAtUtc", Col.TimestampTz), ("UserName", Col.Text),
        ("NormalizedUserName", Col.Text), ("EmailConfirmed", Col.Bool), ("PasswordHash", Col.Text), ("SecurityStamp", Col.Text),
        ("ConcurrencyStamp", Col.Text), ("PhoneNumberConfirmed", Col.Bool), ("TwoFactorEnabled", Col.Bool), ("LockoutEnabled", Col.Bool),
        ("AccessFailedCount", Col.Int),
    ]);

    public static readonly Table UserRoles = new("AspNetUserRoles", [("UserId", Col.Text), ("RoleId", Col.Text)]);

    public static readonly Table Plans = new("Plans",
    [
        ("Id", Col.Int), ("Kind", Col.Text), ("Number", Col.Text), ("Title", Col.Text), ("IssuedOn", Col.Date), ("IssuePlace", Col.Text),
        ("IssuerId", Col.Int), ("LeadOrganisationId", Col.Int), ("PeriodStart", Col.Date), ("PeriodEnd", Col.Date), ("CopiedFromId", Col.Int),
        ("Status", Col.Text), ("Introduction", Col.Text), ("SignerName", Col.Text), ("SignerAuthority", Col.Text), ("SignerTitle", Col.Text),
        ("Revision", Col.Int), ("Version", Col.Int), ("CreatedAtUtc", Col.TimestampTz),
    ]);

    public static readonly Table Themes = new("Themes",
        [("Id", Col.Int), ("PlanId", Col.Int), ("Order", Col.Int), ("Number", Col.Text), ("Title", Col.Text), ("Items", Col.TextArray)]);

    public static readonly Table PlanChannels = new("PlanChannels",
        [("Id", Col.Int), ("PlanId", Col.Int), ("Order", Col.Int), ("Number", Col.Text), ("Title", Col.Text), ("Items", Col.TextArray)]);

    public static readonly Table Assignments = new("Assignments",
        [("Id", Col.Int), ("PlanId", Col.Int), ("Order", Col.Int), ("Number", Col.Text), ("AgencyId", Col.Int), ("AgencyAsWritten", Col.Text)]);

    public static readonly Table PlanTasks = new("PlanTasks",
    [
        ("Id", Col.Int), ("PlanId", Col.Int), ("AssignmentId", Col.Int), ("Order", Col.Int), ("Text", Col.Text), ("LeadAgencyId", Col.Int),
        ("DeadlineText", Col.Text), ("DeadlineKind", Col.Text), ("DueFrom", Col.Date), ("DueTo", Col.Date), ("Recurrence", Col.Text),
        ("DueDay", Col.Int), ("DueMonth", Col.Int), ("PlannedBudget", Col.Numeric), ("FundingSource", Col.Text), ("Version", Col.Int),
        ("Targets", Col.Jsonb),
    ]);

    public static readonly Table TaskCoordinators = new("TaskCoordinators", [("PlanTaskId", Col.Int), ("OrganisationId", Col.Int)]);
    public static readonly Table TaskThemes = new("TaskThemes", [("PlanTaskId", Col.Int), ("ThemeId", Col.Int)]);
    public static readonly Table TaskChannels = new("TaskChannels", [("PlanTaskId", Col.Int), ("PlanChannelId", Col.Int)]);

    public static readonly Table TaskOccurrences = new("TaskOccurrences",
    [
        ("Id", Col.Int), ("PlanTaskId", Col.Int), ("Index", Col.Int), ("Start", Col.Date), ("End", Col.Date), ("Due", Col.Date),
        ("ExtendedTo", Col.Date), ("StartedOn", Col.Date), ("CompletedOn", Col.Date), ("Percent", Col.Int), ("QuantityAchieved", Col.Numeric),
        ("Version", Col.Int),
    ]);

    public static readonly Table ProgressUpdates = new("ProgressUpdates",
    [
        ("Id", Col.Int), ("PlanTaskId", Col.Int), ("OccurrenceId", Col.Int), ("AtUtc", Col.TimestampTz), ("OnDate", Col.Date),
        ("UserName", Col.Text), ("OrganisationId", Col.Int), ("Percent", Col.Int), ("Quantity", Col.Numeric), ("Narrative", Col.Text),
        ("Links", Col.TextArray), ("Completed", Col.Bool),
    ]);

    /// <summary>Tables whose Id the generator assigns (PostgreSQL identities are moved past them afterwards).</summary>
    public static readonly string[] IdentityTables =
        ["Organisations", "Plans", "Themes", "PlanChannels", "Assignments", "PlanTasks", "TaskOccurrences", "ProgressUpdates"];

    /// <summary>The tables reported in the dataset summary, in this order.</summary>
    public static readonly string[] Reported =
    [
        "Organisations", "AspNetUsers", "AspNetUserRoles", "Plans", "Themes", "PlanChannels", "Assignments", "PlanTasks", "TaskCoordinators",
        "TaskThemes", "TaskChannels", "TaskOccurrences", "ProgressUpdates",
    ];
}
