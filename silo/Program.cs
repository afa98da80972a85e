using OrderGrid.Api;
using OrderGrid.Api.Auth;
using OrderGrid.Api.Security;
using OrderGrid.Silo.Commands;
using OrderGrid.Silo.Health;
using OrderGrid.Silo.Hosting;

using Orleans.Dashboard;

// No verb: serve. `migrate`: apply the schema and exit. `import catalog|stock|history FILE`: import and exit.
var command = SiloCommand.Parse(args);
return await command.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(command.HostArgs);
    command.ConfigureHost(builder);
    builder.AddOrderGridSilo();
    builder.Services.AddOrderGridApi(builder.Configuration, builder.Environment);

    var app = builder.Build();
    app.MapOrderGridApi();
    app.MapOrderGridHealth();
    app.MapOrderGridTelemetry();
    if (OrleansDashboardAccess.IsEnabled(app.Configuration))
    {
        app.MapOrleansDashboard(routePrefix: OrleansDashboardAccess.Path).RequireAuthorization(StaffPolicies.Admin);
    }

    return app;
});