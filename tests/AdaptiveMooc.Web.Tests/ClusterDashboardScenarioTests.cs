using static Microsoft.Playwright.Assertions;

namespace AdaptiveMooc.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ClusterDashboardScenarioTests(WebPlatform web)
{
    /// <summary>Issue 20: the admin page opens the Orleans dashboard the API serves, signed in by a one-time ticket.</summary>
    [Fact]
    public async Task Admin_opens_the_cluster_dashboard_from_the_admin_page()
    {
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.DiagnoseAsync(web, page, "cluster-dashboard", async () =>
        {
            await page.GotoAsync("/signin");
            await page.ClickAsync("summary:has-text('Administrators')");
            await page.FillAsync("#adminKey", web.Platform.AdminKey);
            await page.ClickAsync("button:has-text('Sign in as admin')");
            await page.WaitForURLAsync("**/admin");
            await Browser.WaitInteractiveAsync(page);

            await page.ClickAsync("[data-testid=open-dashboard]");
            await page.WaitForURLAsync("**/admin/dashboard/");
            await Expect(page).ToHaveTitleAsync("Orleans Dashboard");

            // The browser's session reads the dashboard's data; the ticket it came with is spent.
            var stats = await page.APIRequest.GetAsync(new Uri(web.Platform.BaseAddress, "/admin/dashboard/ClusterStats").ToString());
            Assert.Equal(200, stats.Status);
        });
    }
}
