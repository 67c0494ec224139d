using AdaptiveMooc.Grains.Abstractions.Common;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Accounts;

/// <summary>
/// What the account routes need of a learner or trainer grain. Password hashes are computed at the API edge;
/// the clear password never reaches a grain.
/// </summary>
[Alias("mooc.accounts.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Null when the account does not exist (or was deleted).</summary>
    [ReadOnly]
    [Alias("GetAccount")]
    Task<AccountView?> GetAccount();

    /// <summary>Replaces the password and moves the stamp on (older reset tokens stop working); NotFound without the account.</summary>
    [Alias("ChangePassword")]
    Task<CommandResult> ChangePassword(string passwordHash);

    /// <summary>Changes the display name; Invalid (field <c>name</c>) when empty or above 200 characters.</summary>
    [Alias("ChangeName")]
    Task<CommandResult> ChangeName(string name);

    /// <summary>Records <paramref name="email"/> as the address to confirm; Conflict (field <c>email</c>) when another account holds it.</summary>
    [Alias("RequestEmailChange")]
    Task<CommandResult> RequestEmailChange(string email);

    /// <summary>
    /// Confirms the address whose SHA-256 is <paramref name="emailDigest"/>: the current one (marked verified) or
    /// the pending one (claimed in the e-mail index, then it replaces the current one, which is released).
    /// NotFound when neither matches any more; Conflict when the pending address was taken meanwhile.
    /// </summary>
    [Alias("ConfirmEmail")]
    Task<CommandResult> ConfirmEmail(string emailDigest);
}
