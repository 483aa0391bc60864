import { z } from "zod";
import { idInput } from "@/lib/validators/common";
import {
  archivePersonInput,
  createPersonInput,
  importCsvInput,
  updateLadderInput,
  findSimilarPeopleInput,
  listPeopleInput,
  pickPeopleInput,
  updatePersonInput,
} from "@/lib/validators/people";
import { loadDemoOrganisation } from "../../services/demo/org.write";
import { getLadder } from "../../services/people/ladder.read";
import { updateLadder } from "../../services/people/ladder.write";
import { exportPeopleCsv, previewImport } from "../../services/people/csv.read";
import { commitImport } from "../../services/people/csv.write";
import { getPersonDetail, listPeople, listPeopleOptions } from "../../services/people/people.read";
import { findSimilarPeople } from "../../services/people/similar.read";
import { pickPeople } from "../../services/people/pick.read";
import { getOrgChart, getOrgChartBranch } from "../../services/people/chart.read";
import { archivePerson, createPerson, restorePerson, updatePerson } from "../../services/people/people.write";
import { bulkProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

export const peopleRouter = createTRPCRouter({
  list: protectedProcedure.input(listPeopleInput).query(({ ctx, input }) => listPeople(ctx.db, ctx.actor, input)),
  /** Active people for pickers. Loads the whole part of the chart: new pickers use `pick`. */
  options: protectedProcedure.query(({ ctx }) => listPeopleOptions(ctx.db, ctx.actor)),
  /** A picker's search: at most PICK_LIMIT people matching what is typed, and the chosen ones labelled. */
  pick: protectedProcedure.input(pickPeopleInput).query(({ ctx, input }) => pickPeople(ctx.db, ctx.actor, input)),
  /** People the actor sees with the name or email being typed: a soft duplicate warning for the add/edit form. */
  findSimilar: protectedProcedure.input(findSimilarPeopleInput).query(({ ctx, input }) => findSimilarPeople(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => getPersonDetail(ctx.db, ctx.actor, input.id)),
  create: protectedProcedure.input(createPersonInput).mutation(({ ctx, input }) => createPerson(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updatePersonInput).mutation(({ ctx, input }) => updatePerson(ctx.db, ctx.actor, input)),
  archive: protectedProcedure.input(archivePersonInput).mutation(({ ctx, input }) => archivePerson(ctx.db, ctx.actor, input)),
  restore: protectedProcedure.input(idInput).mutation(({ ctx, input }) => restorePerson(ctx.db, ctx.actor, input.id)),
  /** The chart as it opens (top levels and the way down to the actor); folded branches load with orgChartBranch. */
  orgChart: protectedProcedure.query(({ ctx }) => getOrgChart(ctx.db, ctx.actor)),
  orgChartBranch: protectedProcedure.input(idInput).query(({ ctx, input }) => getOrgChartBranch(ctx.db, ctx.actor, input.id)),
  previewImport: bulkProcedure.input(importCsvInput).mutation(({ ctx, input }) => previewImport(ctx.db, ctx.actor, input)),
  commitImport: bulkProcedure.input(importCsvInput).mutation(({ ctx, input }) => commitImport(ctx.db, ctx.actor, input)),
  exportCsv: protectedProcedure.query(({ ctx }) => exportPeopleCsv(ctx.db, ctx.actor)),
  loadDemo: protectedProcedure.input(z.void()).mutation(({ ctx }) => loadDemoOrganisation(ctx.db, ctx.actor)),
  ladder: protectedProcedure.query(({ ctx }) => getLadder(ctx.db, ctx.actor)),
  updateLadder: protectedProcedure.input(updateLadderInput).mutation(({ ctx, input }) => updateLadder(ctx.db, ctx.actor, input)),
});
