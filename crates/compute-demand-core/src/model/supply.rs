//! Supply: announced, financed and built capacity, turned into average facility power.

use crate::data::{Capacity, CapexScope, ParamId, Status, Tranche, PROJECTS};
use crate::model::assumptions::{Assumptions, ParamValues};
use crate::model::fleet::FleetUnit;

/// A project a user adds to a scenario: one tranche, like a line of `data/supply.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomProject {
    pub name: String,
    pub tranche: Tranche,
    pub dedicated: bool,
}

/// A tranche of any project, built-in or custom, with what scales it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SupplyTranche {
    pub tranche: Tranche,
    pub dedicated: bool,
    pub share_param: Option<ParamId>,
}

/// Every tranche of the built-in projects followed by the custom ones.
pub(crate) fn all_tranches(custom: &[CustomProject]) -> Vec<SupplyTranche> {
    let built_in = PROJECTS.iter().flat_map(|project| {
        project.tranches.iter().map(|&tranche| SupplyTranche {
            tranche,
            dedicated: project.dedicated,
            share_param: project.share_param,
        })
    });
    let added = custom.iter().map(|project| SupplyTranche {
        tranche: project.tranche,
        dedicated: project.dedicated,
        share_param: None,
    });
    built_in.chain(added).collect()
}

impl SupplyTranche {
    /// The tranche's average facility power, MW, after its delivery and AI-share weights.
    /// `bought` is the fleet of the tranche's online year: what euros buy then.
    pub(crate) fn weighted_average_mw(
        &self,
        a: &Assumptions,
        values: &ParamValues,
        bought: FleetUnit,
    ) -> f64 {
        let chain = &a.chain;
        let average_mw = match self.tranche.capacity {
            // Announced site capacities are peak facility power; the model compares averages.
            Capacity::Mw(mw) => mw * chain.average_load,
            Capacity::Gpus { count, gpu } => {
                count * chain.facility_average_w(crate::data::GPUS[gpu].tdp_w) / 1e6
            }
            Capacity::Eur {
                eur,
                scope: CapexScope::AllIn,
            } => {
                let units = eur / bought.capex_eur(a);
                units * chain.facility_average_w(bought.tdp_w) / 1e6
            }
            Capacity::Eur {
                eur,
                scope: CapexScope::Facility,
            } => {
                let it_peak_mw = eur / a.money.facility_capex_eur_per_mw;
                it_peak_mw * chain.average_load * chain.pue
            }
        };
        let delivery = match self.tranche.status {
            Status::Built => 1.0,
            Status::Financed => a.supply.financed,
            Status::Announced => a.supply.announced,
        };
        let ai_share = if self.dedicated {
            1.0
        } else {
            a.supply.genai_share
        };
        let share = self.share_param.map_or(1.0, |id| values[id.index()]);
        average_mw * delivery * ai_share * share
    }
}
