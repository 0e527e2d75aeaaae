using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrivateItemsMadePublic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "made_public_on",
                table: "agenda_items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "made_public_reason",
                table: "agenda_items",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "made_public_on",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "made_public_reason",
                table: "agenda_items");
        }
    }
}
