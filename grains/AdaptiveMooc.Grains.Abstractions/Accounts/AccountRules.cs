using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>Rules shared by the API edge and the account grains, so both refuse the same input.</summary>
public static class AccountRules
{
    public const int MaxNameLength = 200;

    public static CommandResult? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? CommandResult.Invalid("name", $"name is required (at most {MaxNameLength} characters).")
            : null;
}
