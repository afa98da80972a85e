using OrderGrid.Api;
using OrderGrid.Silo.Health;
using OrderGrid.Silo.Hosting;

using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);

builder.AddOrderGridSilo();
builder.Services.AddOrderGridApi(builder.Configuration, builder.Environment);

var app = builder.Build();

app.MapOrderGridApi();
app.MapOrderGridHealth();
app.MapOrleansDashboard(routePrefix: "/orleans");

return await app.RunOrderGridAsync();