namespace AdaptiveMooc.Api.Tests.Accounts;

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsFixture>
{
    public const string Name = "accounts";
}
