namespace Ttdn.Accounts;

public static class Policies
{
    /// <summary>Administrators only: accounts, organisations' structure, the audit trail.</summary>
    public const string Admin = "Admin";
    /// <summary>Anyone who may change data (every role but viewer). Organisation scoping is checked per resource.</summary>
    public const string Editor = "Editor";
}
