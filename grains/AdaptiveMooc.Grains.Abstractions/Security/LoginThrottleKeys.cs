namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// Keys of <see cref="ILoginThrottleGrain"/>. Sign-in failures are counted three ways, each with its own
/// threshold, so one client can lock an account only for itself: per account at one address
/// (<c>pair:{address}|{account}</c>), per address (<c>address:{address}</c>) and per account from
/// everywhere (the account key itself, <c>{Kind}:{id}</c> or <c>name:{username}</c>, with a threshold no
/// single address can reach before its own limit closes it).
/// </summary>
public static class LoginThrottleKeys
{
    private const string PairPrefix = "pair:";
    private const string AddressPrefix = "address:";

    public static string AccountAtAddress(string account, string address) => PairPrefix + address + "|" + account;

    public static string Address(string address) => AddressPrefix + address;

    public static LoginThrottleScope ScopeOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(PairPrefix, StringComparison.Ordinal) ? LoginThrottleScope.AccountAtAddress
            : key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? LoginThrottleScope.Address
            : LoginThrottleScope.Account;
    }
}
