# The web app. Build from the repository root: docker build -f deploy/docker/web.Dockerfile -t adaptivemooc/web .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY web/AdaptiveMooc.Web/AdaptiveMooc.Web.csproj web/AdaptiveMooc.Web/
RUN dotnet restore web/AdaptiveMooc.Web/AdaptiveMooc.Web.csproj
COPY web/ web/
RUN dotnet publish web/AdaptiveMooc.Web/AdaptiveMooc.Web.csproj -c Release --no-restore -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out ./
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "AdaptiveMooc.Web.dll"]
